// Package control is pulse-level quantum control: the trainable parameters
// are the physical controls — amplitudes, carrier frequencies, phases, start
// times and durations of the pulses that drive a d-level system, and the
// field strengths of spin-chain Hamiltonians.
//
// # Model
//
// A System is H(t) = H0 + Σ_k u_k(t) H_k on a d-dimensional Hilbert space
// (ħ = 1; times and angular frequencies in the units the caller chooses, e.g.
// ns and rad/ns), optionally with Lindblad collapse operators. Each control
// Channel carries a sum of Pulses
//
//	c(t) = Σ_p Ω_p(s) · e^{i((ω_p + δ_p)·t + φ_p)},   s = (t − t_p)/τ_p,
//
// with the envelope Ω_p one of the Envelope shapes (piecewise constant,
// piecewise linear, Gaussian, DRAG, flat-top, sigmoid-smoothed rectangle,
// Fourier/CRAB, B-spline, or the I/Q pair of any of them), carrier ω_p,
// phase φ_p, start t_p and duration τ_p; δ_p is a fixed frame offset. A Real
// channel adds Re c(t)·H_k (the lab-frame drive u(t) = Re[Ω e^{i(ωt+φ)}]); a
// Complex channel adds c(t)·A + c(t)*·A† (the rotating-wave drive of a
// lowering operator A). Every envelope parameter, ω, φ, start and duration can
// be trained; each shape's file holds the shape and its exact derivatives side
// by side.
//
// Builders assemble common systems: Pauli-sum qubit systems (PauliSystem),
// multi-level transmons with anharmonicity, couplings and guard levels in the
// lab frame or a rotating frame with or without the rotating-wave
// approximation (Transmons), and Ising chains with time-dependent fields and
// couplings (IsingChain).
//
// # Propagation
//
// The time [0, T] is cut into N slices (N chosen from the fastest carrier and
// envelope resolution unless given). Each slice propagator is an exact matrix
// exponential of a constant generator: the midpoint rule (piecewise-constant
// controls; exact for piecewise-constant envelopes on the slice grid) or the
// fourth-order Magnus expansion for smooth controls (Blanes, Casas, Oteo &
// Ros, Phys. Rep. 470, 151 (2009), eq. 253). Closed systems use the
// Hermitian eigendecomposition (linalg.ExpmHermitian's method, with the
// allocation-free linalg.JacobiEigen up to 8 levels and linalg.EigHermitian
// above), open systems the vectorised Lindblad generator with linalg.Expm.
// Slices are independent and are exponentiated on parallel goroutines.
//
// # Gradients
//
// The gradient is exact GRAPE (Khaneja et al., J. Magn. Reson. 172, 296
// (2005)) with the exact derivative of each slice exponential: one backward
// (adjoint) sweep gives, per slice, M = X_{n−1}Λ_n and the matrix gradient
// Γ = L(A_n, M) — the Fréchet derivative of exp at the slice generator A_n in
// direction M (linalg.ExpmFrechet for general generators; the Daleckii–Krein
// divided-difference formula in the eigenbasis for Hermitian ones) — after
// which the derivative with respect to every control sample is one trace
// Re Tr(Γ·G_k). The cost therefore does not grow with the number of
// parameters; the chain rule then runs through the carriers, phases, start
// times, durations and envelope parameters of every pulse. CheckGradient
// compares the result with central finite differences, and every
// optimisation re-simulates its final pulses with an independent fine-step
// Runge–Kutta integrator of the continuous-time pulses (Resimulate) and
// reports that figure of merit too.
//
// # Objectives
//
// Gate fidelity without global phase (1 − |Tr(U_t†U)|/d and 1 − |Tr|²/d²),
// average gate fidelity, state transfer, subspace (essential-level) gates
// with a leakage penalty and a time-integrated guard-level penalty, the
// expectation of a Pauli-sum Hamiltonian (pulse-level VQE), open-system
// superoperator targets, and a pulse-level classifier (Classifier) whose
// data enter as field strengths, detunings or durations, trained with the
// losses (vqc.OutputLoss) and the mini-batch loop of package vqc. Amplitude
// bounds
// are a smooth tanh reparameterisation (for L-BFGS) or a projection (for
// stepping optimizers); penalties on amplitude, slew and time are Penalty
// values.
//
// Conventions: qubit 0 (mode 0) is the least-significant digit of a basis
// index; σz = diag(1, −1); the lowering operator a has a|n⟩ = √n|n−1⟩.
// Functions return errors for invalid input and never print.
package control
