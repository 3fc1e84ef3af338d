package classical

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestClassifierJSONRoundTrip marshals every classifier, reads it back and
// checks that the probabilities of random inputs are bit-identical.
func TestClassifierJSONRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	logistic, _ := NewLogistic(6, 3, 0.01)
	for i := range logistic.Theta {
		logistic.Theta[i] = rng.NormFloat64()
	}
	mlp, _ := NewMLP(6, 5, 3, Tanh, 0.1, rng)
	sweep, _ := NewMPSClassifier(6, 3, MPSConfig{Bond: 3}, rng)
	grad, _ := NewMPSGradClassifier(6, 3, MPSConfig{Bond: 3, LogitScale: 4}, rng)
	for _, tc := range []struct {
		name    string
		model   any
		decoded any
		outputs func(m any, x, p []float64) error
	}{
		{"logistic", logistic, &Logistic{}, func(m any, x, p []float64) error { return m.(*Logistic).Probabilities(x, p) }},
		{"mlp", mlp, &MLP{}, func(m any, x, p []float64) error { return m.(*MLP).Probabilities(x, p) }},
		{"mps sweeps", sweep, &MPSClassifier{}, func(m any, x, p []float64) error { return m.(*MPSClassifier).Outputs(x, p) }},
		{"mps gradient", grad, &MPSGradClassifier{}, func(m any, x, p []float64) error { return m.(*MPSGradClassifier).Probabilities(x, p) }},
	} {
		data, err := json.Marshal(tc.model)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, tc.decoded); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for range 5 {
			x := make([]float64, 6)
			for i := range x {
				x[i] = rng.Float64()
			}
			p, q := make([]float64, 3), make([]float64, 3)
			if err := tc.outputs(tc.model, x, p); err != nil {
				t.Fatal(err)
			}
			if err := tc.outputs(tc.decoded, x, q); err != nil {
				t.Fatal(err)
			}
			for k := range p {
				if p[k] != q[k] {
					t.Fatalf("%s: outputs %v before, %v after the round trip", tc.name, p, q)
				}
			}
		}
	}
}

// TestClassifierJSONErrors checks that inconsistent sizes are errors.
func TestClassifierJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		into any
		doc  string
		want string
	}{
		{&Logistic{}, `{"Features": 2, "Classes": 3, "Theta": [1, 2]}`, "has 2 parameters"},
		{&Logistic{}, `{"Features": 1, "Classes": 2, "L2": -1, "Theta": [1, 2, 3, 4]}`, "L2 penalty"},
		{&MLP{}, `{"Features": 1, "Hidden": 1, "Classes": 2, "Activation": "relu", "Theta": [1]}`, "has 1 parameters"},
		{&MLP{}, `{"Features": 1, "Hidden": 1, "Classes": 2, "Activation": "gelu", "Theta": [1, 2, 3, 4, 5, 6]}`, "activation"},
		{&MPSClassifier{}, `{"Sites": 2, "Classes": 2, "Bonds": [1, 1], "Tensors": [[1, 1], [1, 1]]}`, "bonds"},
		{&MPSClassifier{}, `{"Sites": 2, "Classes": 2, "Bonds": [1, 2, 1], "Tensors": [[1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1]]}`, "site 1 has 3 values"},
		{&MPSGradClassifier{}, `{"Sites": 2, "Classes": 2, "Bonds": [2, 2, 1], "Tensors": [[1], [1]]}`, "boundary"},
		{&MPSGradClassifier{}, `{"Sites": 2, "Classes": 2, "Label": 5, "Bonds": [1, 2, 1], "Tensors": [[1], [1]]}`, "class index on site 5"},
	} {
		err := json.Unmarshal([]byte(tc.doc), tc.into)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.doc, err, tc.want)
		}
	}
}
