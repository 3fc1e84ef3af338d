package circuit

// Chaining shorthands for the named gates. Each validates its arguments; the
// first failure is kept in Err and the chain continues as a no-op.

// I applies the identity to q (kept in the circuit, e.g. as an idle marker).
func (c *Circuit) I(q int) *Circuit { return c.Gate("id", []int{q}) }

// X applies the Pauli X (NOT) to q.
func (c *Circuit) X(q int) *Circuit { return c.Gate("x", []int{q}) }

// Y applies the Pauli Y to q.
func (c *Circuit) Y(q int) *Circuit { return c.Gate("y", []int{q}) }

// Z applies the Pauli Z to q.
func (c *Circuit) Z(q int) *Circuit { return c.Gate("z", []int{q}) }

// H applies the Hadamard gate to q.
func (c *Circuit) H(q int) *Circuit { return c.Gate("h", []int{q}) }

// S applies diag(1, i) to q.
func (c *Circuit) S(q int) *Circuit { return c.Gate("s", []int{q}) }

// Sdg applies diag(1, −i) to q.
func (c *Circuit) Sdg(q int) *Circuit { return c.Gate("sdg", []int{q}) }

// T applies diag(1, e^{iπ/4}) to q.
func (c *Circuit) T(q int) *Circuit { return c.Gate("t", []int{q}) }

// Tdg applies diag(1, e^{−iπ/4}) to q.
func (c *Circuit) Tdg(q int) *Circuit { return c.Gate("tdg", []int{q}) }

// SX applies √X to q.
func (c *Circuit) SX(q int) *Circuit { return c.Gate("sx", []int{q}) }

// SXdg applies √X† to q.
func (c *Circuit) SXdg(q int) *Circuit { return c.Gate("sxdg", []int{q}) }

// RX applies exp(−iθX/2) to q.
func (c *Circuit) RX(q int, theta Param) *Circuit { return c.Gate("rx", []int{q}, theta) }

// RY applies exp(−iθY/2) to q.
func (c *Circuit) RY(q int, theta Param) *Circuit { return c.Gate("ry", []int{q}, theta) }

// RZ applies exp(−iθZ/2) to q.
func (c *Circuit) RZ(q int, theta Param) *Circuit { return c.Gate("rz", []int{q}, theta) }

// P applies the phase diag(1, e^{iλ}) to q.
func (c *Circuit) P(q int, lambda Param) *Circuit { return c.Gate("p", []int{q}, lambda) }

// U applies the general single-qubit gate U(θ, φ, λ) to q.
func (c *Circuit) U(q int, theta, phi, lambda Param) *Circuit {
	return c.Gate("u", []int{q}, theta, phi, lambda)
}

// CX applies a controlled NOT.
func (c *Circuit) CX(control, target int) *Circuit { return c.Gate("cx", []int{control, target}) }

// CY applies a controlled Y.
func (c *Circuit) CY(control, target int) *Circuit { return c.Gate("cy", []int{control, target}) }

// CZ applies a controlled Z.
func (c *Circuit) CZ(control, target int) *Circuit { return c.Gate("cz", []int{control, target}) }

// CH applies a controlled Hadamard.
func (c *Circuit) CH(control, target int) *Circuit { return c.Gate("ch", []int{control, target}) }

// Swap exchanges qubits a and b.
func (c *Circuit) Swap(a, b int) *Circuit { return c.Gate("swap", []int{a, b}) }

// ISwap exchanges qubits a and b with a phase i on |01⟩ and |10⟩.
func (c *Circuit) ISwap(a, b int) *Circuit { return c.Gate("iswap", []int{a, b}) }

// CRX applies a controlled RX(θ).
func (c *Circuit) CRX(control, target int, theta Param) *Circuit {
	return c.Gate("crx", []int{control, target}, theta)
}

// CRY applies a controlled RY(θ).
func (c *Circuit) CRY(control, target int, theta Param) *Circuit {
	return c.Gate("cry", []int{control, target}, theta)
}

// CRZ applies a controlled RZ(θ).
func (c *Circuit) CRZ(control, target int, theta Param) *Circuit {
	return c.Gate("crz", []int{control, target}, theta)
}

// CP applies a controlled phase diag(1, 1, 1, e^{iλ}).
func (c *Circuit) CP(control, target int, lambda Param) *Circuit {
	return c.Gate("cp", []int{control, target}, lambda)
}

// CU3 applies a controlled U(θ, φ, λ).
func (c *Circuit) CU3(control, target int, theta, phi, lambda Param) *Circuit {
	return c.Gate("cu3", []int{control, target}, theta, phi, lambda)
}

// RXX applies exp(−iθ X⊗X/2) to a and b.
func (c *Circuit) RXX(a, b int, theta Param) *Circuit { return c.Gate("rxx", []int{a, b}, theta) }

// RYY applies exp(−iθ Y⊗Y/2) to a and b.
func (c *Circuit) RYY(a, b int, theta Param) *Circuit { return c.Gate("ryy", []int{a, b}, theta) }

// RZZ applies exp(−iθ Z⊗Z/2) to a and b.
func (c *Circuit) RZZ(a, b int, theta Param) *Circuit { return c.Gate("rzz", []int{a, b}, theta) }

// CCX applies a Toffoli gate.
func (c *Circuit) CCX(c0, c1, target int) *Circuit { return c.Gate("ccx", []int{c0, c1, target}) }

// CSwap applies a Fredkin gate: swaps a and b when control is 1.
func (c *Circuit) CSwap(control, a, b int) *Circuit { return c.Gate("cswap", []int{control, a, b}) }
