package io.quipu.sandbox.domain.biometrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import io.quipu.sandbox.domain.Hashes;

/**
 * Face templates and their comparison. The template of a registry photo is {@value #DIMENSIONS} numbers drawn from a
 * normal distribution by a PRNG seeded with the photo reference, then scaled to length 1: the same photo always gives
 * the same template, and two different photos give nearly orthogonal ones (cosine near 0).
 */
public final class BiometricTemplates {

    public static final int DIMENSIONS = 128;
    private static final int SCORE_DECIMALS = 4;

    private BiometricTemplates() {
    }

    public static double[] templateOf(String photoReference) {
        // SplittableRandom's sequence is fixed by its specification, so templates are the same on every JVM.
        SplittableRandom random = new SplittableRandom(Hashes.seedOf("template:" + photoReference));
        double[] template = new double[DIMENSIONS];
        for (int index = 0; index < DIMENSIONS; index++) {
            template[index] = standardNormal(random);
        }
        return unitLength(template);
    }

    /**
     * The similarity score: the cosine between the two vectors, below 0 read as 0 (opposite faces are not "more
     * different" than unrelated ones), rounded to {@value #SCORE_DECIMALS} decimals. A zero vector resembles nothing.
     */
    public static double score(double[] submitted, double[] template) {
        if (submitted.length != template.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + submitted.length + ", " + template.length);
        }
        // Scaled to at most 1 first: the cosine does not change, and huge finite numbers cannot overflow to infinity.
        double[] first = scaledToMaxOne(submitted);
        double[] second = scaledToMaxOne(template);
        double dot = 0;
        double firstSquares = 0;
        double secondSquares = 0;
        for (int index = 0; index < first.length; index++) {
            dot += first[index] * second[index];
            firstSquares += first[index] * first[index];
            secondSquares += second[index] * second[index];
        }
        if (firstSquares == 0 || secondSquares == 0) {
            return 0;
        }
        double cosine = dot / (Math.sqrt(firstSquares) * Math.sqrt(secondSquares));
        double clamped = Math.max(0, Math.min(1, cosine));
        return BigDecimal.valueOf(clamped).setScale(SCORE_DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    private static double[] scaledToMaxOne(double[] vector) {
        double largest = 0;
        for (double value : vector) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
            largest = Math.max(largest, Math.abs(value));
        }
        double[] scaled = new double[vector.length];
        for (int index = 0; index < vector.length && largest > 0; index++) {
            scaled[index] = vector[index] / largest;
        }
        return scaled;
    }

    /** Box–Muller: written out so that the numbers do not depend on a JDK's choice of Gaussian algorithm. */
    private static double standardNormal(SplittableRandom random) {
        double uniform = 1.0 - random.nextDouble(); // in (0, 1]: the logarithm stays finite
        return Math.sqrt(-2 * Math.log(uniform)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[] unitLength(double[] vector) {
        double squares = 0;
        for (double value : vector) {
            squares += value * value;
        }
        double length = Math.sqrt(squares);
        double[] unit = new double[vector.length];
        for (int index = 0; index < vector.length; index++) {
            unit[index] = vector[index] / length;
        }
        return unit;
    }
}
