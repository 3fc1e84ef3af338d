package statevector

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestBellStates prepares the four Bell states with H and CX from |x y⟩ and
// compares with their definitions (Nielsen & Chuang, eq. 1.18–1.22):
// |β_xy⟩ = (|0 y⟩ + (−1)^x |1 ȳ⟩)/√2, written with qubit 1 left.
func TestBellStates(t *testing.T) {
	r := 1 / math.Sqrt2
	tests := []struct {
		x, y int
		want []complex128 // indices 0..3 = |q1 q0⟩ = 00, 01, 10, 11
	}{
		{0, 0, []complex128{complex(r, 0), 0, 0, complex(r, 0)}},
		{0, 1, []complex128{0, complex(r, 0), complex(r, 0), 0}},
		{1, 0, []complex128{complex(r, 0), 0, 0, complex(-r, 0)}},
		{1, 1, []complex128{0, complex(r, 0), complex(-r, 0), 0}},
	}
	for _, tt := range tests {
		// Qubit 0 is the first qubit of |x y⟩ (it gets the H), qubit 1 the second.
		c := circuit.New(2)
		if tt.x == 1 {
			c.X(0)
		}
		if tt.y == 1 {
			c.X(1)
		}
		c.H(0).CX(0, 1)
		s, _ := New(2)
		if err := s.Run(c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		// Swap to the textbook order, where the first qubit is the high bit.
		got := s.Amplitudes()
		textbook := []complex128{got[0], got[2], got[1], got[3]}
		if d := maxDiff(textbook, tt.want); d > 1e-15 {
			t.Errorf("β_%d%d = %v, want %v", tt.x, tt.y, textbook, tt.want)
		}
	}
}

// TestGHZ checks (|0…0⟩ + |1…1⟩)/√2 from H and a CX chain, n = 1 … 12.
func TestGHZ(t *testing.T) {
	for n := 1; n <= 12; n++ {
		c := circuit.New(n).H(0)
		for q := 1; q < n; q++ {
			c.CX(q-1, q)
		}
		s, _ := New(n)
		if err := s.Run(c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		for i, a := range s.Amplitudes() {
			want := 0.0
			if i == 0 || i == 1<<n-1 {
				want = 1 / math.Sqrt2
			}
			if cmplx.Abs(a-complex(want, 0)) > 1e-15 {
				t.Fatalf("GHZ_%d amplitude %d = %v, want %v", n, i, a, want)
			}
		}
	}
}

// qft is the textbook quantum Fourier transform circuit (Nielsen & Chuang,
// Fig. 5.1) with qubit n−1 the most significant: H on each qubit from the
// top, controlled phases 2π/2^(j−m+1) from every lower qubit m, then a
// reversal of the qubit order.
func qft(n int) *circuit.Circuit {
	c := circuit.New(n)
	for j := n - 1; j >= 0; j-- {
		c.H(j)
		for m := j - 1; m >= 0; m-- {
			c.CP(m, j, circuit.Const(2*math.Pi/math.Exp2(float64(j-m+1))))
		}
	}
	for i := 0; i < n/2; i++ {
		c.Swap(i, n-1-i)
	}
	return c
}

// TestQFTOfBasisStates checks QFT|x⟩ = Σ_y e^{2πi xy/2^n} |y⟩ / √2^n for
// every basis state x, n = 1 … 6.
func TestQFTOfBasisStates(t *testing.T) {
	for n := 1; n <= 6; n++ {
		dim := 1 << n
		for x := range dim {
			amp := make([]complex128, dim)
			amp[x] = 1
			s, _ := FromAmplitudes(amp)
			if err := s.Run(qft(n), circuit.Binding{}); err != nil {
				t.Fatal(err)
			}
			for y, a := range s.Amplitudes() {
				want := cmplx.Exp(complex(0, 2*math.Pi*float64(x*y)/float64(dim))) / complex(math.Sqrt(float64(dim)), 0)
				if cmplx.Abs(a-want) > 1e-12 {
					t.Fatalf("QFT_%d|%d⟩ amplitude %d = %v, want %v", n, x, y, a, want)
				}
			}
		}
	}
}
