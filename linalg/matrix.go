package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
	"unsafe"
)

// Matrix is a dense complex matrix stored row-major: element (i, j) is
// Data[i*Cols+j]. Row-major contiguous storage is what a tensor reshape
// produces, so an MPS site tensor A[l, s, r] is the (l·d)×r matrix with no
// copy. There is no stride: a Matrix never views part of another.
//
// The zero value is an empty 0×0 matrix; methods that write a result into the
// receiver (Mul, ConjTranspose, …) resize it, reusing Data when its capacity
// suffices, as gonum's mat.Dense does.
type Matrix struct {
	Rows, Cols int
	Data       []complex128
}

// New returns a zeroed r×c matrix. A negative dimension is an error.
func New(r, c int) (*Matrix, error) {
	if r < 0 || c < 0 {
		return nil, fmt.Errorf("linalg: New(%d, %d): negative dimension", r, c)
	}
	return &Matrix{Rows: r, Cols: c, Data: make([]complex128, r*c)}, nil
}

// NewFromData returns the r×c matrix backed by data (row-major, not copied).
// len(data) must equal r·c.
func NewFromData(r, c int, data []complex128) (*Matrix, error) {
	if r < 0 || c < 0 || len(data) != r*c {
		return nil, fmt.Errorf("linalg: NewFromData(%d, %d): got %d elements, want %d", r, c, len(data), r*c)
	}
	return &Matrix{Rows: r, Cols: c, Data: data}, nil
}

// NewFromRows returns a matrix holding a copy of rows, which must all have
// the same length; convenient for small literal matrices in tests and
// examples.
func NewFromRows(rows [][]complex128) (*Matrix, error) {
	if len(rows) == 0 {
		return &Matrix{}, nil
	}
	m := &Matrix{Rows: len(rows), Cols: len(rows[0]), Data: make([]complex128, 0, len(rows)*len(rows[0]))}
	for i, row := range rows {
		if len(row) != m.Cols {
			return nil, fmt.Errorf("linalg: NewFromRows: row %d has %d elements, want %d", i, len(row), m.Cols)
		}
		m.Data = append(m.Data, row...)
	}
	return m, nil
}

// Identity returns the n×n identity matrix (n < 0 is treated as 0).
func Identity(n int) *Matrix {
	n = max(n, 0)
	m := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i := range n {
		m.Data[i*n+i] = 1
	}
	return m
}

// Dims returns the number of rows and columns.
func (m *Matrix) Dims() (r, c int) { return m.Rows, m.Cols }

// At returns element (i, j). Like slice indexing, it panics when the index is
// out of range.
func (m *Matrix) At(i, j int) complex128 {
	m.check(i, j)
	return m.Data[i*m.Cols+j]
}

// Set sets element (i, j) to v. Like slice indexing, it panics when the index
// is out of range.
func (m *Matrix) Set(i, j int, v complex128) {
	m.check(i, j)
	m.Data[i*m.Cols+j] = v
}

func (m *Matrix) check(i, j int) {
	if uint(i) >= uint(m.Rows) || uint(j) >= uint(m.Cols) {
		panic(fmt.Sprintf("linalg: index (%d, %d) out of range for %d×%d matrix", i, j, m.Rows, m.Cols))
	}
}

// Row returns row i as a slice sharing m's storage.
func (m *Matrix) Row(i int) []complex128 {
	m.check(i, 0)
	return m.Data[i*m.Cols : (i+1)*m.Cols]
}

// Clone returns a deep copy of m.
func (m *Matrix) Clone() *Matrix {
	return &Matrix{Rows: m.Rows, Cols: m.Cols, Data: append([]complex128(nil), m.Data...)}
}

// reuse resizes m to r×c, reusing its storage when large enough. The contents
// are unspecified unless zero is set.
func (m *Matrix) reuse(r, c int, zero bool) {
	m.Rows, m.Cols = r, c
	if cap(m.Data) >= r*c {
		m.Data = m.Data[:r*c]
		if zero {
			clear(m.Data)
		}
		return
	}
	m.Data = make([]complex128, r*c)
}

// Copy sets m to a copy of a.
func (m *Matrix) Copy(a *Matrix) {
	if m == a {
		return
	}
	m.reuse(a.Rows, a.Cols, false)
	copy(m.Data, a.Data)
}

// ConjTranspose sets m to a† (the conjugate transpose). m may be a.
func (m *Matrix) ConjTranspose(a *Matrix) {
	r, c := a.Rows, a.Cols
	src := a.Data
	if m == a || overlaps(m.Data, src) {
		src = append([]complex128(nil), src...)
	}
	m.reuse(c, r, false)
	for i := range r {
		row := src[i*c : (i+1)*c]
		for j, v := range row {
			m.Data[j*r+i] = cmplx.Conj(v)
		}
	}
}

// Scale sets m = alpha·a. m may be a.
func (m *Matrix) Scale(alpha complex128, a *Matrix) {
	if m != a {
		m.reuse(a.Rows, a.Cols, false)
	}
	for i, v := range a.Data {
		m.Data[i] = alpha * v
	}
}

// Add sets m = a + b. m may be a or b; a and b must have equal shapes.
func (m *Matrix) Add(a, b *Matrix) error { return m.combine(a, b, 1) }

// Sub sets m = a − b. m may be a or b; a and b must have equal shapes.
func (m *Matrix) Sub(a, b *Matrix) error { return m.combine(a, b, -1) }

func (m *Matrix) combine(a, b *Matrix, sign complex128) error {
	if a.Rows != b.Rows || a.Cols != b.Cols {
		return fmt.Errorf("linalg: shape mismatch %d×%d and %d×%d", a.Rows, a.Cols, b.Rows, b.Cols)
	}
	ad, bd := a.Data, b.Data
	if m != a && m != b {
		m.reuse(a.Rows, a.Cols, false)
	}
	for i := range m.Data {
		m.Data[i] = ad[i] + sign*bd[i]
	}
	return nil
}

// FrobeniusNorm returns sqrt(Σ|m_ij|²), computed with scaling so that it
// neither overflows nor underflows (as LAPACK's zlassq).
func (m *Matrix) FrobeniusNorm() float64 {
	return norm2(m.Data)
}

// Trace returns the sum of the diagonal elements of a square (or the leading
// square part of a rectangular) matrix.
func (m *Matrix) Trace() complex128 {
	var t complex128
	for i := range min(m.Rows, m.Cols) {
		t += m.Data[i*m.Cols+i]
	}
	return t
}

// norm2 returns the Euclidean norm of x. The plain sum of squares is used
// when it is safely inside the float64 range; otherwise the sum is rescaled
// (as LAPACK's dznrm2) so the result neither overflows nor underflows.
func norm2(x []complex128) float64 {
	var sum float64
	for _, v := range x {
		sum += real(v)*real(v) + imag(v)*imag(v)
	}
	if sum > 0x1p-900 && sum < 0x1p900 {
		return math.Sqrt(sum)
	}
	scale, ssq := 0.0, 1.0
	add := func(v float64) {
		if v == 0 {
			return
		}
		a := math.Abs(v)
		if scale < a {
			ssq = 1 + ssq*(scale/a)*(scale/a)
			scale = a
		} else {
			ssq += (a / scale) * (a / scale)
		}
	}
	for _, v := range x {
		add(real(v))
		add(imag(v))
	}
	return scale * math.Sqrt(ssq)
}

// overlaps reports whether two slices share any backing memory.
func overlaps(a, b []complex128) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	a0, a1 := &a[0], &a[len(a)-1]
	b0, b1 := &b[0], &b[len(b)-1]
	return !(uintptrOf(a1) < uintptrOf(b0) || uintptrOf(b1) < uintptrOf(a0))
}

func uintptrOf(p *complex128) uintptr { return uintptr(unsafe.Pointer(p)) }
