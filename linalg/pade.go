package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
)

// padeCoefficients[m] holds b_0 … b_m of the [m/m] Padé approximant
// r_m(x) = p_m(x)/p_m(−x) to eˣ, p_m(x) = Σ_j b_j·x^j, scaled to integers as
// in Higham (2005), "The scaling and squaring method for the matrix
// exponential revisited", SIAM J. Matrix Anal. Appl. 26(4), §2.
var padeCoefficients = map[int][]float64{
	3:  {120, 60, 12, 1},
	5:  {30240, 15120, 3360, 420, 30, 1},
	7:  {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1},
	9:  {17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1},
	13: {64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1},
}

// padeDegree is a degree m with the largest 1-norm of A for which r_m(A)
// attains the target accuracy without scaling.
type padeDegree struct {
	m     int
	theta float64
}

// padeSolve returns r_m(A) = (V − U)⁻¹·(V + U) and, when lu != nil,
// L_r(A, E) = (V − U)⁻¹·[(Lu + Lv) + (Lu − Lv)·r_m(A)] (Al-Mohy & Higham
// 2009, Algorithm 6.4, the line after the Padé evaluation).
func padeSolve(u, v, lu, lv *Matrix) (r, l *Matrix, err error) {
	var q, p Matrix
	_ = q.Sub(v, u)
	_ = p.Add(v, u)
	f, err := factorLU(&q)
	if err != nil {
		return nil, nil, fmt.Errorf("Padé denominator: %w", err)
	}
	f.solve(&p)
	if lu == nil {
		return &p, nil, nil
	}
	var s, d Matrix
	_ = s.Add(lu, lv)
	_ = d.Sub(lu, lv)
	l = sum(mul(&d, &p), &s)
	f.solve(l)
	return &p, l, nil
}

// padeParts returns U and V of r_m(A) = (V − U)⁻¹(V + U), U holding the odd
// and V the even powers of A, and, when e != nil, their Fréchet derivatives
// Lu, Lv in direction e, built from the product rule M_2j = L(A^2j, E)
// (Al-Mohy & Higham 2009, eqs. (6.11)–(6.13)). Degree 13 uses Higham's
// evaluation scheme with only A², A⁴, A⁶ (6 products instead of 12).
func padeParts(a, e *Matrix, m int) (u, v, lu, lv *Matrix) {
	n := a.Rows
	b := padeCoefficients[m]
	a2 := mul(a, a)
	var m2 *Matrix
	if e != nil {
		m2 = sum(mul(a, e), mul(e, a))
	}
	if m == 13 {
		a4 := mul(a2, a2)
		a6 := mul(a4, a2)
		w1 := lincomb(n, 0, []float64{b[13], b[11], b[9]}, a6, a4, a2)
		w2 := lincomb(n, b[1], []float64{b[7], b[5], b[3]}, a6, a4, a2)
		z1 := lincomb(n, 0, []float64{b[12], b[10], b[8]}, a6, a4, a2)
		z2 := lincomb(n, b[0], []float64{b[6], b[4], b[2]}, a6, a4, a2)
		w := sum(mul(a6, w1), w2)
		u = mul(a, w)
		v = sum(mul(a6, z1), z2)
		if e == nil {
			return u, v, nil, nil
		}
		m4 := sum(mul(a2, m2), mul(m2, a2))
		m6 := sum(mul(a4, m2), mul(m4, a2))
		lw1 := lincomb(n, 0, []float64{b[13], b[11], b[9]}, m6, m4, m2)
		lw2 := lincomb(n, 0, []float64{b[7], b[5], b[3]}, m6, m4, m2)
		lz1 := lincomb(n, 0, []float64{b[12], b[10], b[8]}, m6, m4, m2)
		lz2 := lincomb(n, 0, []float64{b[6], b[4], b[2]}, m6, m4, m2)
		lw := sum(mul(a6, lw1), mul(m6, w1), lw2)
		lu = sum(mul(a, lw), mul(e, w))
		lv = sum(mul(a6, lz1), mul(m6, z1), lz2)
		return u, v, lu, lv
	}
	// pows[j] = A^2(j+1), ms[j] = L(A^2(j+1), E); odd[j] = b_2j+3 and
	// even[j] = b_2j+2 are their coefficients in U/A and V.
	h := (m - 1) / 2
	pows := []*Matrix{a2}
	ms := []*Matrix{m2}
	var odd, even []float64
	for j := range h {
		if j > 0 {
			pows = append(pows, mul(pows[j-1], a2))
			if e != nil {
				ms = append(ms, sum(mul(a2, ms[j-1]), mul(m2, pows[j-1])))
			}
		}
		odd, even = append(odd, b[2*j+3]), append(even, b[2*j+2])
	}
	w := lincomb(n, b[1], odd, pows...)
	u = mul(a, w)
	v = lincomb(n, b[0], even, pows...)
	if e == nil {
		return u, v, nil, nil
	}
	lu = sum(mul(a, lincomb(n, 0, odd, ms...)), mul(e, w))
	lv = lincomb(n, 0, even, ms...)
	return u, v, lu, lv
}

// lincomb returns c0·I + Σ_i c[i]·ms[i] for n×n matrices ms.
func lincomb(n int, c0 float64, c []float64, ms ...*Matrix) *Matrix {
	r := Identity(n)
	r.Scale(complex(c0, 0), r)
	for i, m := range ms {
		ci := complex(c[i], 0)
		for k, x := range m.Data {
			r.Data[k] += ci * x
		}
	}
	return r
}

// sum returns the sum of equally shaped matrices, overwriting the first.
func sum(ms ...*Matrix) *Matrix {
	for _, m := range ms[1:] {
		_ = ms[0].Add(ms[0], m)
	}
	return ms[0]
}

// mul returns a·b for internally produced operands of matching shapes.
func mul(a, b *Matrix) *Matrix {
	var c Matrix
	_ = c.Mul(a, b) // shapes agree by construction
	return &c
}

// norm1 returns the 1-norm max_j Σ_i |a_ij| (the norm of Higham's bounds).
func norm1(a *Matrix) float64 {
	col := make([]float64, a.Cols)
	for i := range a.Rows {
		for j, x := range a.Data[i*a.Cols : (i+1)*a.Cols] {
			col[j] += cmplx.Abs(x)
		}
	}
	m := 0.0
	for _, c := range col {
		m = math.Max(m, c)
	}
	return m
}
