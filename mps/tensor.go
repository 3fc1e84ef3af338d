package mps

import "github.com/qmlgo/qml/linalg"

// tensor is one site of the chain, A[a, s, b] with left bond a < l, the
// qubit's value s ∈ {0, 1} and right bond b < r, stored row-major:
// A[a, s, b] = d[(2a+s)·r + b]. Row-major storage makes both matrix views
// of the site free reshapes: (a s) × b, which is left-canonical when
// Σ_{a,s} A*[a,s,b] A[a,s,b'] = δ_{bb'}, and a × (s b), right-canonical when
// its rows are orthonormal.
type tensor struct {
	l, r int
	d    []complex128
}

// product returns the site of a qubit in basis state |v⟩ (bonds of 1).
func product(v int) tensor {
	t := tensor{l: 1, r: 1, d: make([]complex128, 2)}
	t.d[v] = 1
	return t
}

// rows returns the (2l) × r view, bond and qubit grouped on the rows.
func (t tensor) rows() *linalg.Matrix { return &linalg.Matrix{Rows: 2 * t.l, Cols: t.r, Data: t.d} }

// cols returns the l × (2r) view, qubit and bond grouped on the columns.
func (t tensor) cols() *linalg.Matrix { return &linalg.Matrix{Rows: t.l, Cols: 2 * t.r, Data: t.d} }

// fromRows is the site whose (2l) × r view is m.
func fromRows(m *linalg.Matrix) tensor { return tensor{l: m.Rows / 2, r: m.Cols, d: m.Data} }

// fromCols is the site whose l × (2r) view is m.
func fromCols(m *linalg.Matrix) tensor { return tensor{l: m.Rows, r: m.Cols / 2, d: m.Data} }

// clone returns a deep copy.
func (t tensor) clone() tensor {
	return tensor{l: t.l, r: t.r, d: append([]complex128(nil), t.d...)}
}

// applyMiddle replaces the middle index of the tensor T[a, m, b] (a < l,
// m < dim, b < r, row-major in d) by Σ_m' u[m, m'] T[a, m', b]: the action of
// the dim × dim matrix u on the qubits that m enumerates. buf must hold
// dim·r elements.
func applyMiddle(d []complex128, l, dim, r int, u, buf []complex128) {
	block := dim * r
	for a := range l {
		x := d[a*block : (a+1)*block]
		copy(buf, x)
		for m := range dim {
			out := x[m*r : (m+1)*r]
			clear(out)
			for mp, c := range u[m*dim : (m+1)*dim] {
				if c == 0 {
					continue
				}
				in := buf[mp*r : (mp+1)*r]
				for b, v := range in {
					out[b] += c * v
				}
			}
		}
	}
}

// scaleRows multiplies row i of m by s[i].
func scaleRows(m *linalg.Matrix, s []float64) {
	for i, v := range s {
		row := m.Data[i*m.Cols : (i+1)*m.Cols]
		f := complex(v, 0)
		for j := range row {
			row[j] *= f
		}
	}
}

// scaleCols multiplies column j of m by s[j].
func scaleCols(m *linalg.Matrix, s []float64) {
	for i := range m.Rows {
		row := m.Data[i*m.Cols : (i+1)*m.Cols]
		for j, v := range s {
			row[j] *= complex(v, 0)
		}
	}
}
