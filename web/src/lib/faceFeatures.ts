/**
 * Demo selfies. The app sends the bank a selfie's face features as JSON ({"vector": [128 numbers], "livenessScore"}),
 * which a face SDK on the device would extract. In the demo the sandbox plays the biometric provider: its template of
 * the registry photo plus a little Gaussian noise is "the same person" (cosine ≥ 0.95), exactly as
 * e2e/src/test/java/io/quipu/e2e/Onboarding.java makes a selfie. Face features are plain numbers, not money.
 */

export interface FaceFeatures {
  vector: number[];
  livenessScore: number;
}

export const VECTOR_SIZE = 128;
export const DEMO_NOISE = 0.01;
export const DEMO_LIVENESS = 0.96;

/** A standard normal sample from two uniform ones (Box–Muller). */
export function gaussian(random: () => number): number {
  let u = 0;
  while (u === 0) {
    u = random();
  }
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The template with noise: what a fresh selfie of the same person looks like to the provider. */
export function noisyFeatures(template: readonly number[], random: () => number = Math.random,
  noise = DEMO_NOISE, livenessScore = DEMO_LIVENESS): FaceFeatures {
  if (template.length !== VECTOR_SIZE || template.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`a face template has ${VECTOR_SIZE} finite numbers`);
  }
  return { vector: template.map((value) => value + gaussian(random) * noise), livenessScore };
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let left = 0;
  let right = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index] * b[index];
    left += a[index] * a[index];
    right += b[index] * b[index];
  }
  return left === 0 || right === 0 ? 0 : dot / Math.sqrt(left * right);
}

/** A small seeded generator (mulberry32) for tests and reproducible demos. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The sandbox registry's photo reference of a synthetic person (or one set without a photoReference):
 * "reniec-photo-" + the first 12 bytes of SHA-256("photo:<type>:<number>") in hex (sandbox SyntheticPersons). The
 * demo's fallback when the registry cannot be asked. Needs SubtleCrypto (a secure context).
 */
export async function syntheticPhotoReference(documentType: string, documentNumber: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`photo:${documentType}:${documentNumber}`));
  const hex = Array.from(new Uint8Array(digest).slice(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `reniec-photo-${hex}`;
}
