import { describe, expect, it } from 'vitest';
import { cosineSimilarity, gaussian, noisyFeatures, seededRandom, syntheticPhotoReference, VECTOR_SIZE } from './faceFeatures';

function unitTemplate(seed: number): number[] {
  const random = seededRandom(seed);
  const raw = Array.from({ length: VECTOR_SIZE }, () => gaussian(random));
  const length = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0));
  return raw.map((value) => value / length);
}

describe('demo face features', () => {
  it('the template plus a little noise is the same person (cosine ≥ 0.95), as the sandbox scores it', () => {
    const template = unitTemplate(1);
    for (let seed = 0; seed < 20; seed++) {
      const features = noisyFeatures(template, seededRandom(seed));
      expect(features.vector).toHaveLength(128);
      expect(features.vector.every(Number.isFinite)).toBe(true);
      expect(features.livenessScore).toBe(0.96);
      expect(cosineSimilarity(features.vector, template)).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('another person’s template does not match', () => {
    const features = noisyFeatures(unitTemplate(1), seededRandom(3));
    expect(cosineSimilarity(features.vector, unitTemplate(2))).toBeLessThan(0.5);
  });

  it('every selfie is a fresh one (different noise), and JSON carries it as numbers', () => {
    const template = unitTemplate(4);
    const first = noisyFeatures(template);
    const second = noisyFeatures(template);
    expect(first.vector).not.toEqual(second.vector);
    const json = JSON.parse(JSON.stringify({ features: first })) as { features: { vector: unknown[] } };
    expect(json.features.vector.every((value) => typeof value === 'number')).toBe(true);
  });

  it('refuses a template that is not one', () => {
    expect(() => noisyFeatures([1, 2, 3])).toThrow();
    expect(() => noisyFeatures(Array.from({ length: 128 }, () => Number.NaN))).toThrow();
  });
});

describe('the sandbox registry photo of a synthetic person', () => {
  it('is the one docs/sandbox.md shows for DNI 45871236', async () => {
    await expect(syntheticPhotoReference('DNI', '45871236')).resolves.toBe('reniec-photo-7c151abe3644c7248267fb70');
  });
});
