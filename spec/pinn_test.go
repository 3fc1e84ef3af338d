package spec

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// TestPINNRun trains both PINN networks briefly through the spec and checks
// the records, the metrics and the files.
func TestPINNRun(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		maxErr    float64
	}{
		{"mlp", `seed: 1
model: {kind: pinn, network: mlp, interval: [0, 2], hidden: [12, 12], collocation: 30, lbfgs_iters: 200}
train: {epochs: 100, optimizer: {name: adam, lr: 0.01}}`, 1e-3},
		{"mlp soft", `seed: 1
model: {kind: pinn, interval: [0, 1], hidden: [8], collocation: 20, constraint: soft, ic_weight: 10, data: [[0.5, 0.5]], lbfgs_iters: 20}
train: {epochs: 5}`, 10},
		{"circuit", `seed: 1
model: {kind: pinn, network: circuit, qubits: 2, layers: 1, interval: [0, 1], collocation: 4, lbfgs_iters: 3}
train: {epochs: 3, optimizer: {name: adam, lr: 0.05}}`, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := buildRun(t, tc.doc)
			h, err := r.Trainer.Fit(FitOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(h.Epochs) == 0 {
				t.Fatal("no records")
			}
			final, err := r.Trainer.Final()
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"max_error", "rms_error", "rms_residual", "loss"} {
				if _, ok := final[k]; !ok {
					t.Errorf("final has no %s: %v", k, final)
				}
			}
			if final["max_error"] > tc.maxErr {
				t.Errorf("max error %g, want < %g", final["max_error"], tc.maxErr)
			}
			dir := t.TempDir()
			if err := r.Trainer.Save(filepath.Join(dir, "model.json")); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, pinnPlotFile)); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestPINNSpecErrors checks that bad PINN settings are located errors.
func TestPINNSpecErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`model: {kind: pinn, m: -1}
train: {epochs: 1}`, "want m > 0"},
		{`model: {kind: pinn, interval: [3, 1]}
train: {epochs: 1}`, "model.interval"},
		{`model: {kind: pinn, qubits: 3}
train: {epochs: 1}`, "write network: circuit"},
		{`model: {kind: pinn, network: circuit, feature_map: fourier}
train: {epochs: 1}`, "model.feature_map"},
		{`model: {kind: pinn}
train: {epochs: 1, optimizer: sgd}`, "want adam"},
		{`model: {kind: pinn, constraint: soft, ic_weight: -1}
train: {epochs: 1}`, "model.ic_weight"},
		{`data: {dataset: iris}
model: {kind: pinn}
train: {epochs: 1}`, "data"},
	} {
		_, err := Parse("tiny.yaml", []byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.doc, err, tc.want)
		}
	}
}

// TestPINNCircuitLossGradient checks the gradient of the PINN loss with a
// circuit network (the batched general-shift-rule path of classical.PINN)
// against central differences, with soft and hard initial conditions.
func TestPINNCircuitLossGradient(t *testing.T) {
	for _, hard := range []bool{false, true} {
		net, err := vqc.NewPINNCircuit(&statevector.Simulator{}, 2, 2, vqc.TowerMap, 0, 3, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		p := &classical.PINN{ODE: classical.Oscillator{M: 1, Mu: 0.4, K: 4, U0: 1, V0: 0.3}, Net: net, Lo: 0, Hi: 3,
			Collocation: classical.Grid(0, 3, 5), DataX: []float64{1}, DataU: []float64{0.2}, Hard: hard, ICWeight: 2}
		grad := make([]float64, net.NumParams())
		if _, err := p.Loss(net.Theta, grad); err != nil {
			t.Fatal(err)
		}
		loss := func(th []float64) float64 { l, _ := p.Loss(th, nil); return l }
		want := fd.Gradient(nil, loss, net.Theta, &fd.Settings{Formula: fd.Central, Step: 1e-6})
		for i, w := range want {
			if math.Abs(grad[i]-w) > 1e-6*(1+math.Abs(w)) {
				t.Errorf("hard=%v: ∂C/∂θ[%d] = %g, finite difference %g", hard, i, grad[i], w)
			}
		}
	}
}

// TestPINNLecture runs the lecture's two examples (QML_LONG=1; about a
// minute each on one core) and checks the bounds: max |u − u_exact|
// < 1e-3 for the MLP and < 2e-2 for the 6-qubit circuit.
func TestPINNLecture(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("QML_LONG=1 runs the lecture's PINN checks")
	}
	for _, tc := range []struct {
		file string
		tol  float64
	}{{"pinn-mlp.yaml", 1e-3}, {"pinn-circuit.yaml", 2e-2}} {
		final := trainExample(t, filepath.Join("..", "examples", "lecture", tc.file), 0)
		t.Logf("%s: max error %.3g, rms error %.3g, rms residual %.3g, loss %.3g", tc.file, final["max_error"], final["rms_error"], final["rms_residual"], final["loss"])
		if final["max_error"] > tc.tol {
			t.Errorf("%s: max error %.3g, want < %g", tc.file, final["max_error"], tc.tol)
		}
	}
}

// TestLectureExamplesBuild loads and builds the lecture's example specs
// (the PINNs and the NNGP), so that they cannot drift from the spec format.
func TestLectureExamplesBuild(t *testing.T) {
	buildExamples(t, exampleFiles(t, "../examples/lecture/*.yaml", 3), false)
}
