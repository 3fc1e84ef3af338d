package classical

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkMPSGradLossGrad times the cross-entropy gradient of the bond-10
// gradient-trained MPS (64 sites, data initialisation) on a mini-batch of
// 32 digits: one forward and one backward pass per sample.
func BenchmarkMPSGradLossGrad(b *testing.B) {
	train, _ := digitsSplit(b)
	m, err := NewMPSGradClassifier(64, 10, MPSConfig{Bond: 10}, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		b.Fatal(err)
	}
	if err := m.InitFromData(train); err != nil {
		b.Fatal(err)
	}
	grad := make([]float64, len(m.Params()))
	for b.Loop() {
		if _, err := m.LossGrad(train.X[:32], train.Y[:32], grad); err != nil {
			b.Fatal(err)
		}
	}
}
