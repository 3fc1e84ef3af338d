package control

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// smallInit returns n seeded normal numbers of standard deviation 0.3.
func smallInit(n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, seed))
	out := make([]float64, n)
	for i := range out {
		out[i] = 0.3 * r.NormFloat64()
	}
	return out
}

// fitPulse trains a re-uploading pulse classifier with Adam.
func fitPulse(t *testing.T, rc ReuploadConfig, train *dataset.Dataset, epochs, batch int) *Classifier {
	t.Helper()
	cfg, err := NewReuploading(rc)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClassifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	opt, _ := optim.New("adam", map[string]float64{"lr": 0.05})
	if _, err := c.Fit(train, vqc.TrainOptions{Epochs: epochs, BatchSize: batch, Optimizer: opt, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return c
}

// fitVQC trains the gate-level model of the matching example spec on the
// state-vector simulator.
func fitVQC(t *testing.T, cfg vqc.Config, train *dataset.Dataset, epochs, batch int) *vqc.Model {
	t.Helper()
	m, err := vqc.NewModel(cfg, 1)
	if err != nil {
		t.Fatal(err)
	}
	opt, _ := optim.New("adam", map[string]float64{"lr": 0.05})
	if _, err := m.Fit(&statevector.Simulator{}, train, vqc.TrainOptions{Epochs: epochs, BatchSize: batch, Optimizer: opt, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestClassifierParityMatchesVQC: on 4-bit parity, the pulse classifier
// (bits as field strengths, 2 layers of X/Y drives, parity readout: 18
// parameters) reaches the accuracy of the gate-level model of
// examples/parity.yaml (RY encoding, 2 hardware-efficient layers, parity
// readout: 18 parameters).
func TestClassifierParityMatchesVQC(t *testing.T) {
	d, err := dataset.Parity(4)
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{EncodeField, EncodeDuration} {
		c := fitPulse(t, ReuploadConfig{Qubits: 4, Features: 4, Layers: 2, Classes: 2, Readout: "parity", Encoding: enc, Init: smallInit(16, 1)}, d, 30, 4)
		_, acc, err := c.Evaluate(d, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Params) != 18 || acc < 1 {
			t.Errorf("%s encoding: %d parameters, accuracy %v; want 18 and 1", enc, len(c.Params), acc)
		}
	}
	angles := d.Clone()
	for _, x := range angles.X {
		for j := range x {
			x[j] *= math.Pi
		}
	}
	m := fitVQC(t, vqc.Config{Task: vqc.Classifier, Qubits: 4, Features: 4, Classes: 2, Layers: 2,
		Encoder: vqc.EncoderConfig{Kind: "angle", Rotation: "ry"},
		Ansatz:  vqc.AnsatzConfig{Kind: "hardware-efficient", Rotations: []string{"ry", "rz"}, Entangler: "cz"},
		Readout: "parity"}, angles, 30, 4)
	_, vacc, err := m.Evaluate(&statevector.Simulator{}, angles, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("parity accuracy: vqc %v with %d parameters", vacc, m.NumParams())
}

// TestClassifierCircle: on the circle dataset, the single-qubit pulse
// classifier (x as an X field, y as a Z field, trainable input weights,
// 4 layers: 18 parameters) matches the gate-level re-uploading model of
// examples/circle.yaml on a held-out set.
func TestClassifierCircle(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: run without -short")
	}
	rng := rand.New(rand.NewPCG(3, 3))
	train, _ := dataset.Circle(200, rng)
	test, _ := dataset.Circle(1000, rng)
	// Scale 1: x enters as a rotation by w·x with w = 1 initially, as the
	// gate-level model's RY(w·x).
	c := fitPulse(t, ReuploadConfig{Qubits: 1, Features: 2, Layers: 4, Classes: 2, TrainScale: true, Scale: 1, Init: smallInit(8, 2)}, train, 60, 20)
	_, acc, err := c.Evaluate(test, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := fitVQC(t, vqc.Config{Task: vqc.Classifier, Qubits: 1, Features: 2, Classes: 2, Layers: 4,
		Encoder:  vqc.EncoderConfig{Kind: "angle", Rotation: "ry"},
		Ansatz:   vqc.AnsatzConfig{Kind: "hardware-efficient", Rotations: []string{"ry", "rz"}},
		Reupload: true, TrainInputScale: true, Readout: "z"}, train, 60, 20)
	_, vacc, err := m.Evaluate(&statevector.Simulator{}, test, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("circle test accuracy: pulse %.3f (%d parameters), vqc %.3f (%d parameters)", acc, len(c.Params), vacc, m.NumParams())
	if acc < vacc-0.03 {
		t.Errorf("pulse classifier %.3f, gate-level %.3f", acc, vacc)
	}
}

// TestClassifierGradient compares the batch gradient — pulse amplitudes,
// trainable input scales (field and duration encodings) and output
// scales/biases — with central finite differences of the batch loss.
func TestClassifierGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	d, _ := dataset.Circle(6, rng)
	for _, enc := range []string{EncodeField, EncodeDetuning, EncodeDuration} {
		for _, classes := range []int{2, 3} {
			data := d.Clone()
			if classes == 3 {
				data.NumClasses = 3
				data.Y[0] = 2
			}
			for _, x := range data.X {
				x[0], x[1] = math.Abs(x[0]), math.Abs(x[1])
			}
			cfg, err := NewReuploading(ReuploadConfig{Qubits: 3, Features: 2, Layers: 2, Classes: classes, Encoding: enc, Segments: 2, TrainScale: true, Init: smallInit(24, 4)})
			if err != nil {
				t.Fatal(err)
			}
			c, err := NewClassifier(cfg)
			if err != nil {
				t.Fatal(err)
			}
			for i := range c.Params {
				c.Params[i] += 0.1 * rng.NormFloat64()
			}
			idx := []int{0, 1, 2, 3, 4, 5}
			_, _, grad, err := c.batch(data, idx, 2, true)
			if err != nil {
				t.Fatal(err)
			}
			const h = 1e-6
			for i := range c.Params {
				v := c.Params[i]
				c.Params[i] = v + h
				lp, _, _, _ := c.batch(data, idx, 2, false)
				c.Params[i] = v - h
				lm, _, _, _ := c.batch(data, idx, 2, false)
				c.Params[i] = v
				if fd := (lp - lm) / (2 * h); math.Abs(fd-grad[i]) > 1e-7 {
					t.Errorf("%s, %d classes: ∂L/∂θ[%d] = %g, finite difference %g", enc, classes, i, grad[i], fd)
				}
			}
		}
	}
}

func TestClassifierRejects(t *testing.T) {
	cfg, _ := NewReuploading(ReuploadConfig{Qubits: 1, Features: 1, Layers: 1, Classes: 2})
	bad := cfg
	bad.Readout = nil
	if _, err := NewClassifier(bad); err == nil {
		t.Error("no readout accepted")
	}
	bad = cfg
	bad.Classes = 3
	if _, err := NewClassifier(bad); err == nil {
		t.Error("3 classes with one readout accepted")
	}
	bad = cfg
	bad.Inputs = append([]Input(nil), cfg.Inputs...)
	bad.Inputs[0].Pulse = NewPulse("stray", PWC{N: 1}, 0, 1)
	if _, err := NewClassifier(bad); err == nil {
		t.Error("input on a pulse outside the system accepted")
	}
	c, err := NewClassifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Predict(nil); err == nil {
		t.Error("sample without features accepted")
	}
	d, _ := dataset.Parity(2)
	d.Y[0] = 5
	if _, _, err := c.Evaluate(d, 1); err == nil {
		t.Error("label 5 of 2 classes accepted")
	}
	if _, err := NewReuploading(ReuploadConfig{Qubits: 1, Features: 3, Layers: 1}); err == nil {
		t.Error("3 features on 1 qubit accepted")
	}
}
