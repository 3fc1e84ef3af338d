// Package density simulates mixed states exactly: a density matrix ρ of n
// qubits, evolved by gates (ρ → UρU†) and by the noise channels of a
// circuit.NoiseModel (ρ → Σ K ρ K†), for expectation values, measurement
// probabilities with readout error, and sampled counts under noise.
//
// ρ is held as a state vector of 2n qubits (Choi–Jamiołkowski
// vectorisation): entry ρ[r][c] is amplitude r + c·2^n, so the row index r
// is qubits 0…n−1 and the column index c is qubits n…2n−1 of the vector.
// UρU† is then (U on the row qubits)·(U* on the column qubits), two gates
// of the statevector package's kernels — fusion, cache blocking and
// threads included — and a channel on k qubits is one 4^k × 4^k matrix
// Σ K ⊗ K* on 2k qubits of the vector; a Pauli channel (depolarizing noise
// included) runs instead by a sparse kernel of 2^k real terms per entry.
// A gate's conjugate U* is again a named gate wherever one exists
// (rx(θ)* = rx(−θ), s* = sdg, real gates are their own), so the doubled
// circuit keeps the cheap diagonal and permutation kernels and stays
// symbolic in its angles.
//
// Memory is 16·4^n bytes: 1 GiB at the largest size, MaxQubits = 13.
// Qubit order follows the rest of qml: qubit 0 is the least-significant
// bit of a basis index.
//
// Backend runs circuits for vqc under a fixed noise model, so a variational
// model trains under noise with exact expectation values and
// parameter-shift gradients (the shift rule stays exact because the noise
// channels do not depend on the angles).
package density
