package control

import "github.com/qmlgo/qml/linalg"

// sparse is a matrix as a list of its non-zero elements. Drive operators
// (Paulis, ladder operators, their Liouville-space commutators) have O(d)
// non-zeros, so adding them to a slice generator and pairing them with a
// gradient matrix, Tr(Γ·K), cost O(d) instead of O(d²).
type sparse struct {
	n   int // dimension
	row []int
	col []int
	val []complex128
}

// toSparse lists the non-zero elements of a square m.
func toSparse(m *linalg.Matrix) sparse {
	s := sparse{n: m.Rows}
	for i := range m.Rows {
		for j := range m.Cols {
			if v := m.Data[i*m.Cols+j]; v != 0 {
				s.row = append(s.row, i)
				s.col = append(s.col, j)
				s.val = append(s.val, v)
			}
		}
	}
	return s
}

// addTo adds alpha·S to dst.
func (s sparse) addTo(dst *linalg.Matrix, alpha complex128) {
	if alpha == 0 {
		return
	}
	for k, v := range s.val {
		dst.Data[s.row[k]*dst.Cols+s.col[k]] += alpha * v
	}
}

// traceWith returns Tr(g·S) = Σ_{ij} g_ji·S_ij.
func (s sparse) traceWith(g *linalg.Matrix) complex128 {
	var t complex128
	for k, v := range s.val {
		t += g.Data[s.col[k]*g.Cols+s.row[k]] * v
	}
	return t
}
