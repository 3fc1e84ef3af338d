// Package classical holds the classical baselines that qml's quantum models
// are compared against, each of the same physical flavour as the quantum
// model it stands beside and tuned to reach the published numbers:
//
//   - Ising Monte Carlo (Ising, SimulateIsing, BinderCrossing,
//     IsingPhases): the 2-D square-lattice Ising model with Metropolis and
//     Wolff cluster updates, its energy, magnetisation, susceptibility,
//     specific heat and Binder cumulant, and the ordered/disordered
//     phase-classification dataset of Carrasquilla and Melko, Nat. Phys.
//     13, 431 (2017).
//   - Reference classifiers (Logistic, MLP, Fit, FitLBFGS): softmax
//     regression with an L2 penalty and a one-hidden-layer perceptron,
//     trained with package optim, the plain classical bar of every table.
//   - Tensor networks: the MPS classifier of Stoudenmire and Schwab
//     (MPSClassifier, trained by two-site DMRG sweeps; MPSGradClassifier,
//     by gradient descent on all tensors) and the MPS Born machine of Han
//     et al. (BornMachine: exact Z, gradient sweeps, exact sampling).
//   - Boltzmann machines (RBM): Bernoulli or Gaussian visibles, CD-k,
//     persistent CD and parallel tempering, exact log Z by summing over the
//     smaller layer, annealed importance sampling, free energy, Gibbs
//     sampling, reconstruction error and pseudo-likelihood.
//   - Deep Boltzmann machines (DBM; Salakhutdinov and Hinton, AISTATS
//     2009): greedy RBM pre-training with tied doubled weights, then
//     mean-field inference for the data term and persistent Gibbs chains
//     for the model term; exact sums over the smaller half of the layers
//     for small models, annealed importance sampling otherwise.
//   - Hopfield networks (Hopfield, CapacityCurve): Hebbian storage,
//     asynchronous and synchronous recall, energy, and the capacity curve.
//   - Physics-informed networks (PINN, TanhNet, Oscillator): the damped
//     oscillator's residual loss on collocation points, with exact input
//     derivatives by forward-mode Taylor arithmetic; any PINNNetwork trains,
//     the quantum circuit of package vqc included.
//   - The infinite-width limit (NNGPKernel, FitGP, FitNNGPClassifier,
//     KurtosisScan): NNGP kernels of deep ReLU and erf networks by the
//     layer recursion (Lee et al., arXiv:1711.00165), Gaussian-process
//     regression and classification with them, and the 1/N corrections of
//     finite width (Roberts, Yaida and Hanin, arXiv:2106.10165).
//   - Renormalisation as learning: the RBM flow of the 1-D Ising chain
//     against exact decimation and stacked RBMs on 2-D configurations
//     (Mehta and Schwab, arXiv:1410.3831), and PCA of Ising configurations
//     whose spectrum at T_c falls as k^-(2-η) (Bradde and Bialek,
//     arXiv:1610.09733).
//   - Image helpers for the benchmark data (NudgeImages, PoolImages).
//
// # Conventions
//
// Every random choice takes an explicit *rand.Rand (math/rand/v2), so a
// seed fixes every number. Functions return errors on bad input and never
// panic or print. Lattice site (r, c) of an L×L lattice and pixel (r, c)
// of an image are index r·L + c (row-major), as dataset's
// bars-and-stripes pixels.
//
// # Numerics
//
// Models are real-valued and use float64 slices; the real SVDs and QRs of
// the tensor networks come from gonum's mat (LAPACK), and every split
// decides its bond dimension through linalg.Truncation, the project's one
// truncation policy. The RBM's hot loops reduce to one sparse product
// (rows of a matrix picked by the non-zero entries of a vector) and a
// vector sigmoid, with AVX2/FMA assembly kernels on amd64 and Go loops
// elsewhere: a scikit-learn-sized RBM epoch (7188 nudged digits, 100
// hidden units, PCD-1, batch 10) takes about 17 ms on one core, against
// 48.7 ms for scikit-learn's BernoulliRBM.
package classical
