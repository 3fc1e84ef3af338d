package vqc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/statevector"
)

// h2 is the two-qubit H₂ Hamiltonian of the VQE examples (Qiskit labels,
// rightmost letter = qubit 0).
const h2 = "-1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI - 0.01128010425623538*ZZ + 0.18093119978423156*XX"

var modelCases = []struct {
	name string
	cfg  Config
}{
	{"binary-ce", Config{Task: Classifier, Qubits: 3, Features: 3, Classes: 2, Layers: 2}},
	{"binary-square-parity", Config{Task: Classifier, Qubits: 3, Features: 2, Classes: 2, Layers: 2, Loss: Square, Readout: "parity",
		Ansatz: AnsatzConfig{Kind: "strongly-entangling"}}},
	{"multiclass-ce", Config{Task: Classifier, Qubits: 3, Features: 3, Classes: 3, Layers: 2, Ansatz: AnsatzConfig{Kind: "real-amplitudes"}}},
	{"multiclass-square-iqp", Config{Task: Classifier, Qubits: 3, Features: 3, Classes: 3, Layers: 1, Loss: Square,
		Encoder: EncoderConfig{Kind: "iqp", Reps: 1}}},
	{"reupload-scaled", Config{Task: Classifier, Qubits: 1, Features: 2, Classes: 2, Layers: 3, Reupload: true, TrainInputScale: true,
		Encoder: EncoderConfig{Rotation: "rx"}, Ansatz: AnsatzConfig{Rotations: []string{"rz", "ry"}}}},
	{"regressor", Config{Task: Regressor, Qubits: 2, Features: 2, Layers: 2, Reupload: true}},
	{"amplitude", Config{Task: Classifier, Qubits: 2, Features: 4, Classes: 2, Layers: 2, Encoder: EncoderConfig{Kind: "amplitude"}}},
	{"vqe", Config{Task: VQE, Qubits: 2, Layers: 2, Hamiltonian: h2}},
}

// TestModelGradient checks the full chain rule — circuit weights, input
// scales, readout scale and bias, loss — against central differences of the
// model's own loss, with the gradient of the circuit by parameter shift and,
// where the backend has one, by its adjoint sweep.
func TestModelGradient(t *testing.T) {
	be := &statevector.Simulator{}
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range modelCases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := NewModel(tc.cfg, 3)
			if err != nil {
				t.Fatal(err)
			}
			for i := range m.Params {
				m.Params[i] += 0.3 * rng.NormFloat64()
			}
			var x []float64
			if tc.cfg.Task != VQE {
				x = make([]float64, tc.cfg.Features)
				for j := range x {
					x[j] = rng.Float64()*2 - 1
				}
			}
			target := Target{Class: 1, Value: 0.4}
			loss := func() float64 {
				l, _, err := m.sampleLoss(be, Auto, x, target, nil)
				if err != nil {
					t.Fatal(err)
				}
				return l
			}
			const h = 1e-6
			want := make([]float64, len(m.Params))
			for i := range m.Params {
				orig := m.Params[i]
				m.Params[i] = orig + h
				plus := loss()
				m.Params[i] = orig - h
				minus := loss()
				m.Params[i] = orig
				want[i] = (plus - minus) / (2 * h)
			}
			for _, method := range []GradientMethod{ParameterShift, Auto} {
				got := make([]float64, len(m.Params))
				if _, _, err := m.sampleLoss(be, method, x, target, got); err != nil {
					t.Fatal(err)
				}
				for i := range want {
					if math.Abs(got[i]-want[i]) > 1e-7 {
						t.Fatalf("%s: ∂L/∂p[%d] = %.10g, finite difference %.10g", method, i, got[i], want[i])
					}
				}
			}
		})
	}
}
