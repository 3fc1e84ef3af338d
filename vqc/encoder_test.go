package vqc_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// runEncoder prepares one encoding block of x on n qubits and returns the amplitudes.
func runEncoder(t *testing.T, enc vqc.Encoder, x []float64, n int) []complex128 {
	t.Helper()
	c := circuit.New(n)
	if err := enc.AppendBlock(c, len(x), 0); err != nil {
		t.Fatal(err)
	}
	in := make([]float64, enc.BlockInputs(len(x), n))
	if err := enc.Inputs(in, x); err != nil {
		t.Fatal(err)
	}
	s, err := statevector.New(n)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Run(c, circuit.Binding{Inputs: in}); err != nil {
		t.Fatal(err)
	}
	return s.Amplitudes()
}

// TestAmplitudeEncoding checks that the prepared state is x/‖x‖ exactly,
// signs included, for random real vectors of every length up to 2^n.
func TestAmplitudeEncoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 5; n++ {
		for trial := 0; trial < 10; trial++ {
			features := 1 + rng.IntN(1<<n)
			x := make([]float64, features)
			norm := 0.0
			for i := range x {
				x[i] = rng.NormFloat64()
				if trial == 0 && i%3 == 1 {
					x[i] = 0 // zero blocks give atan2(0, 0)
				}
				norm += x[i] * x[i]
			}
			norm = math.Sqrt(norm)
			amp := runEncoder(t, vqc.AmplitudeEncoder{}, x, n)
			for i, a := range amp {
				want := 0.0
				if i < features {
					want = x[i] / norm
				}
				if cmplx.Abs(a-complex(want, 0)) > 1e-12 {
					t.Fatalf("n=%d features=%d: amplitude %d = %v, want %v", n, features, i, a, want)
				}
			}
		}
	}
	if err := (vqc.AmplitudeEncoder{}).Inputs(make([]float64, 3), []float64{0, 0}); err == nil {
		t.Error("zero vector: want an error")
	}
}

// TestAngleEncoding compares with the product state ⊗_j R(x_j)|0⟩ written out.
func TestAngleEncoding(t *testing.T) {
	x := []float64{0.3, -1.2, 2.5}
	for _, rot := range []string{"rx", "ry", "rz"} {
		amp := runEncoder(t, vqc.AngleEncoder{Rotation: rot, Scale: 0.5}, x, 3)
		single := func(theta float64) [2]complex128 {
			c, s := math.Cos(theta/2), math.Sin(theta/2)
			switch rot {
			case "rx":
				return [2]complex128{complex(c, 0), complex(0, -s)}
			case "ry":
				return [2]complex128{complex(c, 0), complex(s, 0)}
			}
			// RZ(θ)H|0⟩ = (e^{−iθ/2}|0⟩ + e^{iθ/2}|1⟩)/√2.
			return [2]complex128{cmplx.Exp(complex(0, -theta/2)) / math.Sqrt2, cmplx.Exp(complex(0, theta/2)) / math.Sqrt2}
		}
		for i, a := range amp {
			want := complex(1, 0)
			for j := range x {
				want *= single(0.5 * x[j])[i>>j&1]
			}
			if cmplx.Abs(a-want) > 1e-12 {
				t.Fatalf("%s: amplitude %d = %v, want %v", rot, i, a, want)
			}
		}
	}
}

// TestIQPEncoding checks the ZZ feature map's diagonal phases: after the
// Hadamards, one repetition multiplies |z⟩ by exp(i·Σ_j 2x_j z_j + i·Σ_pairs
// 2(π−x_i)(π−x_j)(z_i ⊕ z_j)) (Havlíček et al. eq. for U_Φ up to the
// convention that P(λ) phases |1⟩).
func TestIQPEncoding(t *testing.T) {
	x := []float64{0.4, 1.1, -0.7}
	amp := runEncoder(t, vqc.IQPEncoder{Reps: 1, Entanglement: "full"}, x, 3)
	for z := range amp {
		phase := 0.0
		for j := range x {
			phase += 2 * x[j] * float64(z>>j&1)
		}
		for i := 0; i < 3; i++ {
			for j := i + 1; j < 3; j++ {
				phase += 2 * (math.Pi - x[i]) * (math.Pi - x[j]) * float64((z>>i^z>>j)&1)
			}
		}
		want := cmplx.Exp(complex(0, phase)) / complex(math.Sqrt(8), 0)
		if cmplx.Abs(amp[z]-want) > 1e-12 {
			t.Fatalf("amplitude %d = %v, want %v", z, amp[z], want)
		}
	}
}

// TestDenseAngleEncoding: two features on one qubit are the spherical
// angles, RZ(x1)·RY(x0)|0⟩ = (e^{−ix1/2} cos(x0/2), e^{ix1/2} sin(x0/2)).
func TestDenseAngleEncoding(t *testing.T) {
	x := []float64{1.3, -0.4}
	amp := runEncoder(t, vqc.AngleEncoder{Rotation: "ry"}, x, 1)
	want := []complex128{
		cmplx.Exp(complex(0, -x[1]/2)) * complex(math.Cos(x[0]/2), 0),
		cmplx.Exp(complex(0, x[1]/2)) * complex(math.Sin(x[0]/2), 0),
	}
	for i := range want {
		if cmplx.Abs(amp[i]-want[i]) > 1e-12 {
			t.Fatalf("amplitude %d = %v, want %v", i, amp[i], want[i])
		}
	}
	c := circuit.New(1)
	if err := (vqc.AngleEncoder{Rotation: "ry"}).AppendBlock(c, 4, 0); err == nil {
		t.Error("4 features on 1 qubit: want an error")
	}
}
