package control

import (
	"math"
	"testing"

	"github.com/itsubaki/q/math/matrix"
	"github.com/itsubaki/q/quantum/gate"
	"github.com/qmlgo/qml/circuit"
)

// TestPauliSumMatrixMatchesItsubaki builds Pauli sums on 3 qubits and
// compares them with itsubaki/q's tensor products (whose leftmost factor is
// the most significant qubit, our highest index).
func TestPauliSumMatrixMatchesItsubaki(t *testing.T) {
	I, X, Y, Z := gate.I(), gate.X(), gate.Y(), gate.Z()
	cases := []struct {
		obs  string
		want *matrix.Matrix
	}{
		{"Z0", matrix.TensorProduct(I, I, Z)},
		{"X2", matrix.TensorProduct(X, I, I)},
		{"0.5*X0*Y1 - 2*Z2", matrix.TensorProduct(I, Y, X).Mul(0.5).Sub(matrix.TensorProduct(Z, I, I).Mul(2))},
		{"IXY", matrix.TensorProduct(I, X, Y)},
		{"1.5", matrix.Identity(8).Mul(1.5)},
	}
	for _, c := range cases {
		obs, err := circuit.ParseObservable(c.obs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := PauliSumMatrix(obs, []int{2, 2, 2})
		if err != nil {
			t.Fatal(err)
		}
		if d := maxDiff(got, fromQ(c.want)); d > 1e-15 {
			t.Errorf("%s: differs from itsubaki/q by %g", c.obs, d)
		}
	}
}

// TestPauliSumMatrixGuardLevels: on qutrits, Z0 is diag(1, −1, 0) on mode 0
// and the result is zero on every state with a mode in level 2.
func TestPauliSumMatrixGuardLevels(t *testing.T) {
	obs, _ := circuit.ParseObservable("Z0 + 0.5")
	m, err := PauliSumMatrix(obs, []int{3, 2})
	if err != nil {
		t.Fatal(err)
	}
	// index = i0 + 3·i1; diagonal Z0 + 0.5 on qubit states, 0 on leaked.
	want := []float64{1.5, -0.5, 0, 1.5, -0.5, 0}
	for i, w := range want {
		if got := real(m.At(i, i)); math.Abs(got-w) > 1e-15 {
			t.Errorf("diag[%d] = %v, want %v", i, got, w)
		}
	}
	if _, err := PauliSumMatrix(obs, []int{1, 2}); err == nil {
		t.Error("a 1-level mode accepted")
	}
}

func TestLadderOperators(t *testing.T) {
	a := Destroy(4)
	var ad, n, comm, tmp = Destroy(4), Number(4), Destroy(4), Destroy(4)
	ad.ConjTranspose(a)
	// a†a = N and [a, a†] = 1 − 4|3⟩⟨3| on the truncated space.
	_ = tmp.Mul(ad, a)
	if d := maxDiff(tmp, n); d > 1e-15 {
		t.Errorf("a†a − N = %g", d)
	}
	_ = comm.Mul(a, ad)
	_ = comm.Sub(comm, tmp)
	for i := range 4 {
		want := 1.0
		if i == 3 {
			want = -3
		}
		if math.Abs(real(comm.At(i, i))-want) > 1e-15 {
			t.Errorf("[a, a†]_%d%d = %v, want %v", i, i, comm.At(i, i), want)
		}
	}
}

func TestEmbedMatchesKron(t *testing.T) {
	x, _ := Pauli('X')
	e, err := Embed(x, 1, []int{2, 2, 2})
	if err != nil {
		t.Fatal(err)
	}
	want := fromQ(matrix.TensorProduct(gate.I(), gate.X(), gate.I()))
	if d := maxDiff(e, want); d > 0 {
		t.Errorf("Embed(X, 1) differs from I⊗X⊗I by %g", d)
	}
	if _, err := Embed(x, 3, []int{2, 2}); err == nil {
		t.Error("mode out of range accepted")
	}
}
