package control

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/linalg"
)

// Kron returns the Kronecker product a⊗b: a's index is the more significant
// one, so Kron(op1, op0) acts with op0 on mode 0, the least-significant
// digit of a basis index.
func Kron(a, b *linalg.Matrix) *linalg.Matrix {
	r, c := a.Rows*b.Rows, a.Cols*b.Cols
	out := &linalg.Matrix{Rows: r, Cols: c, Data: make([]complex128, r*c)}
	for i := range a.Rows {
		for j := range a.Cols {
			x := a.Data[i*a.Cols+j]
			if x == 0 {
				continue
			}
			for k := range b.Rows {
				row := out.Data[(i*b.Rows+k)*c+j*b.Cols:]
				for l := range b.Cols {
					row[l] = x * b.Data[k*b.Cols+l]
				}
			}
		}
	}
	return out
}

// Destroy returns the d-level lowering operator a, a|n⟩ = √n|n−1⟩.
func Destroy(d int) *linalg.Matrix {
	m := &linalg.Matrix{Rows: d, Cols: d, Data: make([]complex128, d*d)}
	for n := 1; n < d; n++ {
		m.Data[(n-1)*d+n] = complex(math.Sqrt(float64(n)), 0)
	}
	return m
}

// Number returns the d-level number operator a†a = diag(0, 1, …, d−1).
func Number(d int) *linalg.Matrix {
	return Diagonal(func(n int) float64 { return float64(n) }, d)
}

// Diagonal returns diag(f(0), …, f(d−1)).
func Diagonal(f func(n int) float64, d int) *linalg.Matrix {
	m := &linalg.Matrix{Rows: d, Cols: d, Data: make([]complex128, d*d)}
	for n := range d {
		m.Data[n*d+n] = complex(f(n), 0)
	}
	return m
}

// Pauli returns the 2×2 Pauli matrix named 'I', 'X', 'Y' or 'Z'
// (σz = diag(1, −1), so |0⟩ is its +1 eigenstate).
func Pauli(p byte) (*linalg.Matrix, error) {
	var rows [][]complex128
	switch p {
	case 'I':
		rows = [][]complex128{{1, 0}, {0, 1}}
	case 'X':
		rows = [][]complex128{{0, 1}, {1, 0}}
	case 'Y':
		rows = [][]complex128{{0, -1i}, {1i, 0}}
	case 'Z':
		rows = [][]complex128{{1, 0}, {0, -1}}
	default:
		return nil, fmt.Errorf("control: %q is not a Pauli matrix", p)
	}
	return linalg.NewFromRows(rows)
}

// Embed returns op acting on mode k of a composite system whose modes have
// the given level counts (mode 0 least significant), the identity on the
// others.
func Embed(op *linalg.Matrix, k int, levels []int) (*linalg.Matrix, error) {
	if k < 0 || k >= len(levels) {
		return nil, fmt.Errorf("control: Embed: mode %d out of range [0, %d)", k, len(levels))
	}
	if op.Rows != levels[k] || op.Cols != levels[k] {
		return nil, fmt.Errorf("control: Embed: operator is %d×%d, mode %d has %d levels", op.Rows, op.Cols, k, levels[k])
	}
	out := linalg.Identity(1)
	for m := len(levels) - 1; m >= 0; m-- {
		f := linalg.Identity(levels[m])
		if m == k {
			f = op
		}
		out = Kron(out, f)
	}
	return out, nil
}

// Dim returns the product of the level counts.
func Dim(levels []int) int {
	d := 1
	for _, l := range levels {
		d *= l
	}
	return d
}

// PauliSumMatrix returns the matrix of a weighted Pauli sum on a composite
// system with the given level counts: qubit q is mode q (q = 0 the
// least-significant digit), each Pauli acts on levels {0, 1} of its mode,
// and the result is projected onto the qubit subspace (every mode in {0, 1}),
// so the observable is blind to leaked population.
func PauliSumMatrix(obs circuit.Observable, levels []int) (*linalg.Matrix, error) {
	if err := obs.Validate(len(levels)); err != nil {
		return nil, fmt.Errorf("control: %w", err)
	}
	for k, l := range levels {
		if l < 2 {
			return nil, fmt.Errorf("control: mode %d has %d level, a qubit needs 2", k, l)
		}
	}
	d := Dim(levels)
	out := &linalg.Matrix{Rows: d, Cols: d, Data: make([]complex128, d*d)}
	for _, t := range obs.Terms {
		term := linalg.Identity(d)
		term.Scale(complex(t.Coef, 0), term)
		for _, op := range t.Ops {
			p, err := Pauli(op.P)
			if err != nil {
				return nil, err
			}
			l := levels[op.Qubit]
			local := &linalg.Matrix{Rows: l, Cols: l, Data: make([]complex128, l*l)}
			for i := range 2 {
				for j := range 2 {
					local.Data[i*l+j] = p.Data[i*2+j]
				}
			}
			e, err := Embed(local, op.Qubit, levels)
			if err != nil {
				return nil, err
			}
			if err := term.Mul(term, e); err != nil {
				return nil, err
			}
		}
		if err := out.Add(out, term); err != nil {
			return nil, err
		}
	}
	in := qubitStates(levels)
	for i := range d {
		for j := range d {
			if !in[i] || !in[j] {
				out.Data[i*d+j] = 0
			}
		}
	}
	return out, nil
}

// qubitStates reports, per basis index, whether every mode is in {0, 1}.
func qubitStates(levels []int) []bool {
	in := make([]bool, Dim(levels))
	for n := range in {
		in[n] = true
		m := n
		for _, l := range levels {
			if m%l > 1 {
				in[n] = false
			}
			m /= l
		}
	}
	return in
}

// BasisState returns |index⟩ as a d×1 column.
func BasisState(d, index int) *linalg.Matrix {
	m := &linalg.Matrix{Rows: d, Cols: 1, Data: make([]complex128, d)}
	if index >= 0 && index < d {
		m.Data[index] = 1
	}
	return m
}

// isHermitian reports whether a is square and Hermitian to within tol
// relative to its largest element.
func isHermitian(a *linalg.Matrix, tol float64) bool {
	if a.Rows != a.Cols {
		return false
	}
	scale := 0.0
	for _, v := range a.Data {
		scale = math.Max(scale, cmplx.Abs(v))
	}
	n := a.Rows
	for i := range n {
		for j := i; j < n; j++ {
			if cmplx.Abs(a.Data[i*n+j]-cmplx.Conj(a.Data[j*n+i])) > tol*math.Max(scale, 1e-300) {
				return false
			}
		}
	}
	return true
}

// checkFinite returns an error naming what when m has a NaN or infinite
// element.
func checkFinite(what string, m *linalg.Matrix) error {
	for i, v := range m.Data {
		if cmplx.IsNaN(v) || cmplx.IsInf(v) {
			return fmt.Errorf("control: %s: element %d is %v", what, i, v)
		}
	}
	return nil
}
