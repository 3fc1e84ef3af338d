// Package optim holds the optimizers every qml trainer shares — variational
// circuits, pulse control and the classical baselines all train flat
// []float64 parameter vectors with them.
//
// Two ways in:
//
//   - Stepping optimizers (SGD, Momentum, Nesterov, Adam, BBI) implement
//     Optimizer. A training loop computes the loss and gradient itself, on a
//     mini-batch or the full data, and calls Step once per gradient; Step
//     updates the parameters in place. Minimize runs that loop for a
//     full-batch Objective.
//   - L-BFGS is a full-batch method with its own line search; it runs through
//     gonum.org/v1/gonum/optimize (MinimizeLBFGS) and does not Step. Every
//     method, L-BFGS included, is also a Minimizer of a full-batch Objective.
//
// Every optimizer validates its hyperparameters in its constructor (NewAdam,
// NewBBI, …) and reports a bad one as a *ConfigError that names the field.
// New and NewMinimizer build any of them by name ("sgd", "momentum",
// "nesterov", "adam", "bbi", "lbfgs") from a map of named hyperparameters,
// filling the rest from Defaults, for the run-spec layer.
//
// Resuming: State and SetState save and restore everything an optimizer
// carries between steps (moment buffers, counters, the random stream of BBI)
// as JSON, so that a run saved and restored continues bit for bit as if it
// had never stopped. Hyperparameters are not part of the state; they come
// from the configuration the optimizer is rebuilt with.
//
// Randomness: only BBI draws random numbers (its bounces), from a PCG stream
// seeded by BBIConfig.Seed.
//
// Learning-rate schedules (ExponentialDecay, StepDecay, CosineDecay) attach to
// any optimizer with a step size through WithSchedule.
package optim
