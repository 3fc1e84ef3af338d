package vqc_test

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// BenchmarkIrisEpoch times one epoch of the iris example's model (4 qubits,
// two strongly entangling layers, batches of 16, adjoint gradients, Adam)
// over the 150 samples scaled to [0, π]. Profile it with
//
//	go test -run - -bench IrisEpoch -cpuprofile cpu.out ./vqc/ && go tool pprof -top cpu.out
func BenchmarkIrisEpoch(b *testing.B) {
	iris, err := dataset.Load("iris")
	if err != nil {
		b.Fatal(err)
	}
	scaled, err := dataset.FitTransform(dataset.NewMinMaxScaler(0, math.Pi), iris)
	if err != nil {
		b.Fatal(err)
	}
	m, err := vqc.NewModel(vqc.Config{Task: vqc.Classifier, Qubits: 4, Features: 4, Classes: 3, Layers: 2,
		Ansatz: vqc.AnsatzConfig{Kind: "strongly-entangling"}}, 7)
	if err != nil {
		b.Fatal(err)
	}
	opt, err := optim.NewAdam(optim.AdamConfig{LR: 0.05, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8})
	if err != nil {
		b.Fatal(err)
	}
	be := &statevector.Simulator{}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Fit(be, scaled[0], vqc.TrainOptions{Epochs: 1, BatchSize: 16, Optimizer: opt, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
