package optim

import (
	"errors"
	"math"
	"testing"
)

// TestSchedules checks the schedules against their closed forms at chosen
// steps.
func TestSchedules(t *testing.T) {
	exp, err := ExponentialDecay(0.1, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	step, err := StepDecay(0.1, 0.1, 3)
	if err != nil {
		t.Fatal(err)
	}
	cos, err := CosineDecay(1, 0.1, 4)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		s    Schedule
		k    int
		want float64
	}{
		{"exponential", exp, 0, 0.1},
		{"exponential", exp, 3, 0.0125},
		{"step", step, 2, 0.1},
		{"step", step, 3, 0.01},
		{"step", step, 7, 0.001},
		{"cosine", cos, 0, 1},
		{"cosine", cos, 2, 0.55},                        // midway: (1 + 0.1)/2
		{"cosine", cos, 1, 0.1 + 0.45*(1+math.Sqrt2/2)}, // cos(π/4)
		{"cosine", cos, 4, 0.1},
		{"cosine", cos, 10, 0.1},
	} {
		if got := tc.s(tc.k); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s(%d) = %v, want %v", tc.name, tc.k, got, tc.want)
		}
	}
	for _, err := range []error{
		second(ExponentialDecay(0, 0.5)),
		second(ExponentialDecay(0.1, 1.5)),
		second(StepDecay(0.1, 0, 3)),
		second(StepDecay(0.1, 0.5, 0)),
		second(CosineDecay(0.1, 0, 10)),
		second(CosineDecay(0.01, 0.1, 10)),
		second(CosineDecay(0.1, 0.01, 0)),
	} {
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("bad schedule: error %v, want a ConfigError", err)
		}
	}
}

// TestWithSchedule checks that the wrapped optimizer uses s(k) at step k:
// SGD with η = 0.1, 0.05, 0.025 on constant gradient 1 moves x by
// −0.175 in total.
func TestWithSchedule(t *testing.T) {
	s, err := ExponentialDecay(0.1, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	o, err := WithSchedule(mustNew(t, "sgd", nil), s)
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0}
	stepAll(t, o, x, []float64{1}, []float64{1}, []float64{1})
	if math.Abs(x[0]+0.175) > 1e-15 {
		t.Errorf("x = %v, want −0.175", x[0])
	}
	if _, err := WithSchedule(mustNew(t, "sgd", nil), nil); err == nil {
		t.Error("nil schedule: no error")
	}
	if _, err := WithSchedule(&noRate{}, s); err == nil {
		t.Error("optimizer without a learning rate: no error")
	}
	// A schedule that goes negative fails the step and leaves x alone.
	neg, _ := WithSchedule(mustNew(t, "adam", nil), func(int) float64 { return -1 })
	before := x[0]
	if err := neg.Step(x, 0, []float64{1}); err == nil || x[0] != before {
		t.Errorf("negative learning rate: error %v, x = %v", err, x[0])
	}
}

// noRate is an Optimizer without a step size.
type noRate struct{}

func (*noRate) Step([]float64, float64, []float64) error { return nil }
func (*noRate) State() ([]byte, error)                   { return nil, nil }
func (*noRate) SetState([]byte) error                    { return nil }
