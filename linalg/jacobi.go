package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
)

// JacobiEigen is the eigendecomposition a = v·diag(w)·v† of a small
// Hermitian matrix by the cyclic Jacobi method, reusing its storage between
// calls to Factorize. It is meant for the many small (n ≲ 16) Hermitian
// eigenproblems of pulse-level control, one per time slice, where
// EigHermitian's allocations and reflector set-up dominate: it allocates
// nothing once sized, and, as every Jacobi method, computes the small
// eigenvalues to high relative accuracy. For larger n use EigHermitian,
// whose cost grows as n³ with a smaller constant.
//
// Method (Golub & Van Loan, Matrix Computations, 4th ed., §8.5.2 and
// Algorithm 8.5.3, for Hermitian matrices): each rotation first turns
// a_pq = r·e^{iα} real with diag(1, e^{−iα}) and then annihilates it with the
// real symmetric Schur rotation, t = sgn(θ)/(|θ| + √(1+θ²)),
// θ = (a_qq − a_pp)/(2r); sweeps run over all p < q until a sweep changes
// nothing (every |a_pq| ≤ 2⁻⁵³·(|a_pp| + |a_qq|) or negligible against
// ‖a‖_F).
//
// The zero value is ready to use.
type JacobiEigen struct {
	n    int
	a    []complex128
	v    Matrix
	w    []float64
	perm []int
	tmp  []complex128
	wtmp []float64
}

// jacobiMaxSweeps bounds the sweeps; convergence is quadratic and small
// matrices need 3–8.
const jacobiMaxSweeps = 60

// Factorize computes the eigendecomposition of h, used as (h + h†)/2. It
// returns an error when h is not square or not finite, or when the sweeps
// do not converge; no Hermiticity check is made (callers of this fast path
// build h Hermitian).
func (j *JacobiEigen) Factorize(h *Matrix) error {
	if h.Rows != h.Cols {
		return fmt.Errorf("linalg: JacobiEigen: matrix is %d×%d, want square", h.Rows, h.Cols)
	}
	if err := checkFinite("JacobiEigen", h); err != nil {
		return err
	}
	n := h.Rows
	j.resize(n)
	a := j.a
	fro := 0.0
	for r := range n {
		for c := range n {
			x := (h.Data[r*n+c] + cmplx.Conj(h.Data[c*n+r])) / 2
			a[r*n+c] = x
			fro += real(x)*real(x) + imag(x)*imag(x)
		}
	}
	tiny := math.Sqrt(fro) * 0x1p-60
	v := j.v.Data
	clear(v)
	for i := range n {
		v[i*n+i] = 1
	}
	const eps = 0x1p-53
	for sweep := 0; ; sweep++ {
		if sweep == jacobiMaxSweeps {
			return fmt.Errorf("linalg: JacobiEigen: no convergence after %d sweeps", jacobiMaxSweeps)
		}
		rotated := false
		for p := 0; p < n-1; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				app, aqq := real(a[p*n+p]), real(a[q*n+q])
				r2 := real(apq)*real(apq) + imag(apq)*imag(apq)
				lim := math.Max(eps*(math.Abs(app)+math.Abs(aqq)), tiny)
				if r2 <= lim*lim {
					a[p*n+q], a[q*n+p] = 0, 0
					continue
				}
				rotated = true
				r := math.Sqrt(r2)
				e := apq * complex(1/r, 0) // e^{iα}
				theta := (aqq - app) / (2 * r)
				t := 1 / (math.Abs(theta) + math.Sqrt(1+theta*theta))
				if theta < 0 {
					t = -t
				}
				c := 1 / math.Sqrt(1+t*t)
				s := t * c
				j.rotate(p, q, complex(c, 0), complex(s, 0), e)
				a[p*n+p], a[q*n+q] = complex(app-t*r, 0), complex(aqq+t*r, 0)
				a[p*n+q], a[q*n+p] = 0, 0
			}
		}
		if !rotated {
			break
		}
	}
	j.sort()
	return nil
}

// rotate applies G = [[c, s], [−s·ē, c·ē]] (rows/columns p, q) as
// a ← G†·a·G and v ← v·G.
func (j *JacobiEigen) rotate(p, q int, c, s, e complex128) {
	n := j.n
	a, v := j.a, j.v.Data
	seb, ceb := s*cmplx.Conj(e), c*cmplx.Conj(e)
	for k := range n {
		x, y := a[k*n+p], a[k*n+q]
		a[k*n+p] = c*x - seb*y
		a[k*n+q] = s*x + ceb*y
		x, y = v[k*n+p], v[k*n+q]
		v[k*n+p] = c*x - seb*y
		v[k*n+q] = s*x + ceb*y
	}
	se, ce := s*e, c*e
	rp, rq := a[p*n:(p+1)*n], a[q*n:(q+1)*n]
	for k := range n {
		x, y := rp[k], rq[k]
		rp[k] = c*x - se*y
		rq[k] = s*x + ce*y
	}
}

// resize sizes the storage for n×n.
func (j *JacobiEigen) resize(n int) {
	if j.n == n && j.a != nil {
		return
	}
	j.n = n
	j.a = make([]complex128, n*n)
	j.v = Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	j.w = make([]float64, n)
	j.wtmp = make([]float64, n)
	j.perm = make([]int, n)
	j.tmp = make([]complex128, n*n)
}

// sort orders the eigenvalues ascending and permutes v's columns to match.
func (j *JacobiEigen) sort() {
	n := j.n
	for i := range n {
		j.w[i] = real(j.a[i*n+i])
		j.perm[i] = i
	}
	// Insertion sort: n is small, and it allocates nothing.
	for i := 1; i < n; i++ {
		for k := i; k > 0 && j.w[j.perm[k]] < j.w[j.perm[k-1]]; k-- {
			j.perm[k], j.perm[k-1] = j.perm[k-1], j.perm[k]
		}
	}
	copy(j.tmp, j.v.Data)
	for c, src := range j.perm {
		j.wtmp[c] = j.w[src]
		for r := range n {
			j.v.Data[r*n+c] = j.tmp[r*n+src]
		}
	}
	j.w, j.wtmp = j.wtmp, j.w
}

// Values returns the eigenvalues in ascending order. The slice is owned by
// j and overwritten by the next Factorize.
func (j *JacobiEigen) Values() []float64 { return j.w }

// Vectors returns the unitary v whose column k is the eigenvector of
// Values()[k]. The matrix is owned by j and overwritten by the next
// Factorize.
func (j *JacobiEigen) Vectors() *Matrix { return &j.v }
