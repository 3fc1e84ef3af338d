package spec

import (
	"fmt"
	"math/bits"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlgo/qml/circuit"
)

// Dense diagonalisation limits: a real Hamiltonian on n qubits is a
// 2^n × 2^n symmetric matrix; a complex one is diagonalised through its real
// 2^(n+1) × 2^(n+1) embedding, so it gets one qubit less for the same
// memory (128 MiB at the limit) and time.
const (
	MaxExactQubits        = 12
	maxExactComplexQubits = MaxExactQubits - 1
)

// GroundEnergy returns the lowest eigenvalue of the Pauli sum h on n qubits
// by dense diagonalisation (gonum's EigenSym, LAPACK dsyev), the reference a
// VQE's energy_error is measured against.
//
// A Pauli string with an even number of Y factors has a real matrix, so when
// every term does, H is real symmetric and is diagonalised as it is.
// Otherwise H = A + iB (A symmetric, B antisymmetric) is diagonalised through
// the real symmetric embedding [[A, −B], [B, A]], whose spectrum is that of
// H with every eigenvalue doubled (for an eigenvector u + iv of H, both
// (u, v) and (−v, u) are eigenvectors of the embedding).
func GroundEnergy(h circuit.Observable, n int) (float64, error) {
	if err := h.Validate(n); err != nil {
		return 0, err
	}
	isReal := true
	for _, t := range h.Terms {
		if countY(t)%2 == 1 {
			isReal = false
		}
	}
	limit := MaxExactQubits
	if !isReal {
		limit = maxExactComplexQubits
	}
	if n < 0 || n > limit {
		return 0, fmt.Errorf("exact ground energy: %d qubits, dense diagonalisation is limited to %d", n, limit)
	}
	dim := 1 << n
	size := dim
	if !isReal {
		size = 2 * dim
	}
	a := mat.NewSymDense(size, nil)
	for _, t := range h.Terms {
		var flip, sign uint // X/Y qubits flip the bit; Y/Z qubits give a sign
		for _, op := range t.Ops {
			if op.P != 'Z' {
				flip |= 1 << op.Qubit
			}
			if op.P != 'X' {
				sign |= 1 << op.Qubit
			}
		}
		// P|i⟩ = i^{nY} (−1)^{popcount(i & sign)} |i ⊕ flip⟩.
		phase := [4]complex128{1, 1i, -1, -1i}[countY(t)%4] * complex(t.Coef, 0)
		for i := range uint(dim) {
			v := phase
			if bits.OnesCount(i&sign)%2 == 1 {
				v = -v
			}
			j := int(i ^ flip)
			// Only the upper triangle is stored; the lower one mirrors it, so
			// each pair (j, i) is added once, from the i with j ≤ i.
			if j > int(i) {
				continue
			}
			re, im := real(v), imag(v)
			a.SetSym(j, int(i), a.At(j, int(i))+re)
			if !isReal {
				// Embedding [[A, −B], [B, A]] with H[j][i] = A + iB.
				a.SetSym(dim+j, dim+int(i), a.At(dim+j, dim+int(i))+re)
				a.SetSym(j, dim+int(i), a.At(j, dim+int(i))-im)
				if j != int(i) {
					a.SetSym(int(i), dim+j, a.At(int(i), dim+j)+im)
				}
			}
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(a, false) {
		return 0, fmt.Errorf("exact ground energy: eigendecomposition did not converge")
	}
	return eig.Values(nil)[0], nil
}

// countY counts the Y factors of a Pauli string.
func countY(t circuit.PauliTerm) int {
	n := 0
	for _, op := range t.Ops {
		if op.P == 'Y' {
			n++
		}
	}
	return n
}
