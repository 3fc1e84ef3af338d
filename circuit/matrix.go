package circuit

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Small dense complex matrix helpers for gate matrices (at most 2^5 × 2^5).
// Heavy linear algebra lives in linalg; these stay here so circuit depends
// on nothing but the standard library.

func isqrt(n int) int {
	d := int(math.Sqrt(float64(n)) + 0.5)
	if d*d != n {
		panic(fmt.Sprintf("circuit: %d entries is not a square matrix", n))
	}
	return d
}

func scaleMat(m []complex128, a complex128) []complex128 {
	out := make([]complex128, len(m))
	for i, v := range m {
		out[i] = a * v
	}
	return out
}

func matMul(a, b []complex128) []complex128 {
	d := isqrt(len(a))
	out := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for k := 0; k < d; k++ {
			aik := a[i*d+k]
			if aik == 0 {
				continue
			}
			for j := 0; j < d; j++ {
				out[i*d+j] += aik * b[k*d+j]
			}
		}
	}
	return out
}

// Dagger returns the conjugate transpose of the square row-major matrix m.
func Dagger(m []complex128) []complex128 {
	d := isqrt(len(m))
	out := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			out[j*d+i] = cmplx.Conj(m[i*d+j])
		}
	}
	return out
}

// UnitarityError returns max |(M†M − I)_ij|, the distance of m from unitarity,
// or an error when m is not square with a power-of-two dimension.
func UnitarityError(m []complex128) (float64, error) {
	d := int(math.Sqrt(float64(len(m))) + 0.5)
	if d*d != len(m) || d == 0 || d&(d-1) != 0 {
		return 0, fmt.Errorf("matrix with %d entries is not 2^k × 2^k", len(m))
	}
	p := matMul(Dagger(m), m)
	worst := 0.0
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			want := complex(0, 0)
			if i == j {
				want = 1
			}
			worst = math.Max(worst, cmplx.Abs(p[i*d+j]-want))
		}
	}
	return worst, nil
}
