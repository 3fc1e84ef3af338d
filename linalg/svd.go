package linalg

import "errors"

// qrFirstRatio: an m×n matrix with m ≥ qrFirstRatio·n is first reduced by QR
// and the SVD taken of the n×n triangle, as LAPACK's zgesvd does above its
// crossover mnthr ≈ 1.6n: bidiagonalising R costs ~n³ instead of ~mn².
const qrFirstRatio = 1.6

// SVD returns the thin singular value decomposition a = u·diag(s)·vh of an
// m×n complex matrix: with k = min(m, n), u is m×k with orthonormal columns,
// s holds the k singular values in descending order, and vh is k×n with
// orthonormal rows (vh = V†).
//
// Method (Golub & Van Loan, Matrix Computations, 4th ed., §8.6): complex
// Householder reduction to a real upper-bidiagonal matrix (LAPACK zgebd2,
// preceded by a QR factorisation when m ≥ 1.6n), the SVD of the real
// bidiagonal by divide and conquer (Gu & Eisenstat 1995, LAPACK dbdsdc, see
// bidiagonalDC) down to blocks of 25 rows, solved by implicit QR sweeps
// (Demmel & Kahan 1990, LAPACK dbdsqr, see bidiagonalSVD), then the
// reflectors applied to the real singular vectors: the method of LAPACK's
// zgesdd. ‖a − u·diag(s)·vh‖ is O(ε‖a‖) and u, vh are orthonormal to
// working precision, including when singular values are repeated or zero;
// the singular values are accurate to O(ε‖a‖) absolutely.
//
// It returns an error when a has NaN or infinite elements or when the
// bidiagonal iteration or the secular equation solver fails to converge.
func SVD(a *Matrix) (u *Matrix, s []float64, vh *Matrix, err error) {
	return svdKeep(a, "SVD", func(s []float64) int { return len(s) })
}

// svdKeep computes the SVD of a but forms only the first keep(s) singular
// vectors, saving back-transformation work when a truncation discards many.
func svdKeep(a *Matrix, op string, keep func(s []float64) int) (u *Matrix, s []float64, vh *Matrix, err error) {
	if err := checkFinite(op, a); err != nil {
		return nil, nil, nil, err
	}
	if a.Rows >= a.Cols {
		return svdTall(a, op, keep)
	}
	// a† = U'·S·V'† gives a = V'·S·U'†.
	var at Matrix
	at.ConjTranspose(a)
	ut, s, vht, err := svdTall(&at, op, keep)
	if err != nil {
		return nil, nil, nil, err
	}
	u, vh = &Matrix{}, &Matrix{}
	u.ConjTranspose(vht)
	vh.ConjTranspose(ut)
	return u, s, vh, nil
}

// svdTall is svdKeep for m ≥ n.
func svdTall(a *Matrix, op string, keep func(s []float64) int) (u *Matrix, s []float64, vh *Matrix, err error) {
	m, n := a.Rows, a.Cols
	if float64(m) >= qrFirstRatio*float64(n) && n > 0 {
		f := factorQR(a)
		ur, s, vh, err := svdTall(f.r(), op, keep)
		if err != nil {
			return nil, nil, nil, err
		}
		u = &Matrix{Rows: m, Cols: ur.Cols, Data: make([]complex128, m*ur.Cols)}
		copy(u.Data, ur.Data)
		f.q.leftMul(u, false)
		return u, s, vh, nil
	}
	b := bidiagonalize(a)
	// B = Ub·diag(s)·Vbᵀ, the k kept columns of Ub and Vb stored one
	// after another.
	s, ub, vb, k, err := bidiagonalDC(b.d, b.e, keep)
	if err != nil {
		return nil, nil, nil, errors.New("linalg: " + op + ": " + err.Error())
	}
	// u = Q·[Ub; 0], formed as its adjoint [Ubᵀ 0]·Q†: with one
	// reflection at a time, applying them from the right to rows of
	// length m took 0.62–0.9× the time of applying them from the left
	// (n = 128…256, k = n/2…n, one run); both sides now go through
	// compact-WY blocks (rightMulAdj, leftMul).
	ut := &Matrix{Rows: k, Cols: m, Data: make([]complex128, k*m)}
	for j := range k {
		row := ut.Data[j*m : j*m+n]
		for r, x := range ub[j*n : (j+1)*n] {
			row[r] = complex(x, 0)
		}
	}
	b.q.rightMulAdj(ut, false)
	u = &Matrix{}
	u.ConjTranspose(ut)
	// vh = Vbᵀ·P†.
	vh = &Matrix{Rows: k, Cols: n, Data: make([]complex128, k*n)}
	for i, x := range vb[:k*n] {
		vh.Data[i] = complex(x, 0)
	}
	b.p.rightMulAdj(vh, false)
	return u, s[:k:k], vh, nil
}
