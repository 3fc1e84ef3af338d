// Package mps is the matrix product state simulator of qml: the same
// circuits, observables and results as package statevector, for circuits far
// past state-vector memory whose entanglement stays bounded, reporting how
// much it had to throw away.
//
// Qubit order: qubit 0 is the least-significant bit of a basis index (the
// OpenQASM/Qiskit convention), so a bitstring prints with qubit 0 rightmost;
// site j of the chain holds qubit j.
//
// # Representation
//
// A State holds one complex128 tensor A_j[a, s, b] per qubit (left bond a,
// qubit value s, right bond b) in mixed-canonical form about a moving
// orthogonality centre (Schollwöck, Ann. Phys. 326, 96 (2011), §4.4): sites
// left of the centre are left-canonical, sites right of it right-canonical.
// The centre moves by QR (rightwards) or LQ (leftwards) factorisations from
// linalg, which are exact.
//
// # Gates
//
// A one-qubit gate acts on its site alone and keeps the canonical form. A
// two-qubit gate on neighbours moves the centre onto the pair, contracts
// the two sites into θ[(a s_i), (s_{i+1} b)], applies the gate and splits θ
// again with linalg.TruncatedSVD — the one truncation policy of qml — under
// Options.MaxBond (χ) and Options.Cutoff, a relative discarded weight
// (Vidal, Phys. Rev. Lett. 91, 147902 (2003)). With the centre on the pair
// both environments are orthonormal, so keeping the largest singular values
// is the optimal truncation in the 2-norm. The centre is left on the side
// of the next multi-qubit gate. Gates on qubits that are not neighbours are
// routed by a swap network: adjacent swaps bring the qubits next to one
// another (to the window that needs fewest), the gate is applied there and
// the swaps are undone; every swap is a two-site split and is truncated and
// reported like any gate. Gates on three or more qubits (ccx, cswap, c3x,
// c4x, explicit unitaries up to ten qubits) are routed the same way, then
// applied to the contracted block of their sites, which is split back site
// by site.
//
// Gates on disjoint qubits commute, so Run does not follow the circuit's
// order blindly: it applies, among the gates whose predecessors on their
// qubits are done, the one nearest the orthogonality centre. A brickwork
// circuit is then swept in alternating directions rather than walking the
// centre back across the chain before every layer (a third of the run time
// of the shared 100-qubit brickwork benchmark in circuit order). The state
// is the same in exact arithmetic; with truncation it differs within the
// truncation error.
//
// # What a run reports
//
// Report gives the largest bond dimension reached, the summed discarded
// weight and the fidelity estimate Π(1 − w) over all splits (Zhou,
// Stoudenmire & Waintal, Phys. Rev. X 10, 041038 (2020)), with a warning
// below Options.WarnFidelity. Every split is renormalised, so the state
// stays normalised. On random circuits at χ = 4–16 the estimate is within a
// factor 1.5 of the true fidelity (TestFidelityEstimateIsHonest).
//
// # Reading the state
//
// Expectation values of Pauli sums are contracted with transfer matrices
// over each string's support, never building the state vector; shots are
// drawn exactly by sequential conditional sampling (Ferris & Vidal,
// Phys. Rev. B 85, 165146 (2012)); Amplitude gives one ⟨b|ψ⟩ in O(n·χ²);
// BondEntropies the entanglement entropy across every bond; StateVector
// converts to 2^n amplitudes for n ≤ 24.
//
// # Running circuits
//
// Execute runs circuits with measurements like statevector.Execute:
// terminal measurements are sampled from the final state, mid-circuit
// measurement, reset and classically conditioned gates run as quantum
// trajectories on the MPS with shots that share an outcome history sharing
// one simulation. Simulator is the vqc Backend (safe for concurrent use);
// having no adjoint sweep, it is differentiated by the parameter-shift rule.
//
// Before any work, the options are validated (χ ≥ 0 with 0 for no limit,
// cutoff ≥ 0) and EstimateCost bounds every bond dimension from the
// circuit's structure; a circuit whose bound needs more than
// Options.MaxMemory is refused with an error.
//
// # Choosing between the MPS and the state vector
//
// The MPS costs O(χ³) per two-qubit gate, the state vector O(2^n) per gate.
// Predict turns both into seconds with time models fitted on a crossover
// table of brickwork circuits (n = 16…28, depth 4…20; TestCrossoverTable):
// the MPS wins whenever the bond dimensions stay small — shallow circuits at
// any n, any circuit on 24 or more qubits up to depth 16 — and the state
// vector on deep circuits over few qubits. `qml run --backend auto` follows
// that prediction.
package mps
