package control

import (
	"fmt"

	"github.com/qmlgo/qml/linalg"
)

// The density matrix ρ is vectorised row by row, vec(ρ)[i·d + j] = ρ_ij, so
// that vec(A·ρ·B) = (A ⊗ Bᵀ)·vec(ρ) with Kron's ordering (QuTiP's control
// module uses the same row vectorisation).

// Liouvillian returns the d²×d² generator of the Lindblad equation
//
//	dρ/dt = −i[H, ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ})
//
// (Lindblad, Commun. Math. Phys. 48, 119 (1976)) acting on vec(ρ):
// −i(H⊗I − I⊗Hᵀ) + Σ_k [L_k⊗L_k* − ½(L_k†L_k)⊗I − ½ I⊗(L_k†L_k)ᵀ].
func Liouvillian(h *linalg.Matrix, collapse []*linalg.Matrix) (*linalg.Matrix, error) {
	d := h.Rows
	if h.Cols != d {
		return nil, fmt.Errorf("control: Liouvillian: Hamiltonian is %d×%d, want square", h.Rows, h.Cols)
	}
	out := commutatorSuper(h)
	id := linalg.Identity(d)
	for k, l := range collapse {
		if l.Rows != d || l.Cols != d {
			return nil, fmt.Errorf("control: Liouvillian: collapse operator %d is %d×%d, want %d×%d", k, l.Rows, l.Cols, d, d)
		}
		var lh, ll linalg.Matrix
		lh.ConjTranspose(l)
		if err := ll.Mul(&lh, l); err != nil {
			return nil, err
		}
		jump := Kron(l, conj(l))
		left := Kron(&ll, id)
		right := Kron(id, transpose(&ll))
		for i := range out.Data {
			out.Data[i] += jump.Data[i] - 0.5*left.Data[i] - 0.5*right.Data[i]
		}
	}
	return out, nil
}

// commutatorSuper returns −i(K⊗I − I⊗Kᵀ), the Liouville-space form of
// ρ ↦ −i[K, ρ].
func commutatorSuper(k *linalg.Matrix) *linalg.Matrix {
	id := linalg.Identity(k.Rows)
	a, b := Kron(k, id), Kron(id, transpose(k))
	for i := range a.Data {
		a.Data[i] = -1i * (a.Data[i] - b.Data[i])
	}
	return a
}

// transpose returns mᵀ (no conjugation).
func transpose(m *linalg.Matrix) *linalg.Matrix {
	out := &linalg.Matrix{Rows: m.Cols, Cols: m.Rows, Data: make([]complex128, len(m.Data))}
	for i := range m.Rows {
		for j := range m.Cols {
			out.Data[j*m.Rows+i] = m.Data[i*m.Cols+j]
		}
	}
	return out
}

// conj returns the element-wise complex conjugate of m.
func conj(m *linalg.Matrix) *linalg.Matrix {
	out := m.Clone()
	for i, v := range out.Data {
		out.Data[i] = complex(real(v), -imag(v))
	}
	return out
}

// VecDensity returns vec(ρ) as a d²×1 column (row-major).
func VecDensity(rho *linalg.Matrix) *linalg.Matrix {
	return &linalg.Matrix{Rows: len(rho.Data), Cols: 1, Data: append([]complex128(nil), rho.Data...)}
}

// Density returns the d×d matrix of a vectorised density column.
func Density(vec []complex128, d int) *linalg.Matrix {
	return &linalg.Matrix{Rows: d, Cols: d, Data: append([]complex128(nil), vec[:d*d]...)}
}

// Superoperator returns the Liouville-space matrix U⊗U* of ρ ↦ UρU†, the
// target of an open-system gate.
func Superoperator(u *linalg.Matrix) *linalg.Matrix {
	return Kron(u, conj(u))
}
