package control

import (
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/linalg"
)

func randomMatrix(rng *rand.Rand, n int) *linalg.Matrix {
	m := &linalg.Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i := range m.Data {
		m.Data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return m
}

func randomHermitian(rng *rand.Rand, n int) *linalg.Matrix {
	m := randomMatrix(rng, n)
	var h linalg.Matrix
	h.ConjTranspose(m)
	_ = h.Add(&h, m)
	return &h
}

// TestLiouvillian applies the vectorised generator to vec(ρ) and compares
// with −i[H, ρ] + Σ (LρL† − ½{L†L, ρ}) formed with matrix products.
func TestLiouvillian(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	const d = 3
	h := randomHermitian(rng, d)
	ls := []*linalg.Matrix{randomMatrix(rng, d), randomMatrix(rng, d)}
	rho := randomMatrix(rng, d)
	L, err := Liouvillian(h, ls)
	if err != nil {
		t.Fatal(err)
	}
	got := naiveProduct(L, VecDensity(rho))
	want := naiveProduct(h, rho)
	_ = want.Sub(want, naiveProduct(rho, h))
	want.Scale(-1i, want)
	for _, l := range ls {
		var ld linalg.Matrix
		ld.ConjTranspose(l)
		ll := naiveProduct(&ld, l)
		jump := naiveProduct(naiveProduct(l, rho), &ld)
		anti := naiveProduct(ll, rho)
		_ = anti.Add(anti, naiveProduct(rho, ll))
		anti.Scale(0.5, anti)
		_ = want.Add(want, jump)
		_ = want.Sub(want, anti)
	}
	if diff := maxDiff(Density(got.Data, d), want); diff > 1e-12 {
		t.Errorf("Liouvillian·vec(ρ) differs from the master equation by %g", diff)
	}
}

// TestSuperoperator: (U⊗U*)·vec(ρ) = vec(UρU†).
func TestSuperoperator(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 7))
	u, rho := randomMatrix(rng, 3), randomMatrix(rng, 3)
	var ud linalg.Matrix
	ud.ConjTranspose(u)
	got := naiveProduct(Superoperator(u), VecDensity(rho))
	want := naiveProduct(naiveProduct(u, rho), &ud)
	if d := maxDiff(Density(got.Data, 3), want); d > 1e-12 {
		t.Errorf("superoperator differs by %g", d)
	}
}
