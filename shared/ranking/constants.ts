/**
 * The Arena rating scale (FastChat `compute_mle_elo`, lmarena/arena-rank `BradleyTerry`):
 * rating = θ · SCALE / ln(BASE) + offset, with θ the natural-log strength.
 */
export const SCALE = 400;
export const BASE = 10;
export const INIT_RATING = 1000;

/** Rating points per unit of natural-log strength: 400 / ln 10 ≈ 173.7. */
export const RATING_PER_THETA = SCALE / Math.log(BASE);

/** arena-rank `hessian_reg`: the sandwich adds 1e-5 · N to the Hessian diagonal. */
export const HESSIAN_RIDGE_PER_VOTE = 1e-5;

/** Converged when max_i |∂ℓ/∂θ_i| (sum-scale log-likelihood) is below this. */
export const GRADIENT_TOLERANCE = 1e-9;

/** Default bootstrap rounds and seed. */
export const DEFAULT_ROUNDS = 1000;
export const DEFAULT_SEED = 42;
