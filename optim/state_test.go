package optim

import (
	"slices"
	"strings"
	"testing"
)

// TestStateResume runs 10 steps, saves, runs 10 more; then restores the
// saved state into a freshly built optimizer and the saved parameters, runs
// the same 10 steps and requires bit-identical parameters. BBI bounces
// inside both halves (T0 = 3), so its random stream is exercised.
func TestStateResume(t *testing.T) {
	type build func() Optimizer
	byName := func(name string, hyper map[string]float64) build {
		return func() Optimizer { return mustNew(t, name, hyper) }
	}
	scheduled := func() Optimizer {
		s, err := CosineDecay(0.01, 0.001, 15)
		if err != nil {
			t.Fatal(err)
		}
		o, err := WithSchedule(mustNew(t, "adam", nil), s)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	for _, tc := range []struct {
		name string
		new  build
	}{
		{"sgd", byName("sgd", nil)},
		{"momentum", byName("momentum", nil)},
		{"nesterov", byName("nesterov", nil)},
		{"adam", byName("adam", nil)},
		{"bbi", byName("bbi", map[string]float64{"dt": 0.05, "t0": 3, "t1": 4, "n_bounces": 5, "seed": 11})},
		{"scheduled adam", scheduled},
	} {
		run := func(o Optimizer, x []float64) {
			g := make([]float64, len(x))
			for k := 0; k < 10; k++ {
				if err := o.Step(x, ackley(x, g), g); err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
			}
		}
		x := []float64{1.3, -0.7, 2.2, 0.4}
		o := tc.new()
		run(o, x)
		saved, err := o.State()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		xSaved := slices.Clone(x)
		run(o, x)

		r := tc.new()
		if err := r.SetState(saved); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		run(r, xSaved)
		if !slices.Equal(x, xSaved) {
			t.Errorf("%s: resumed run gives %v, uninterrupted %v", tc.name, xSaved, x)
		}
	}
}

// TestStateErrors checks that SetState refuses a state saved by another
// kind of optimizer, malformed JSON and inconsistent contents, and that a
// restored dimension is enforced.
func TestStateErrors(t *testing.T) {
	adam := mustNew(t, "adam", nil)
	sgdState, err := mustNew(t, "sgd", nil).State()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opt  Optimizer
		data string
		want string
	}{
		{"other kind", adam, string(sgdState), `saved by "sgd"`},
		{"not json", adam, "{", "decoding state"},
		{"moment lengths", adam, `{"kind":"adam","state":{"t":1,"m":[1,2],"v":[1]}}`, "inconsistent"},
		{"steps without moments", adam, `{"kind":"adam","state":{"t":3,"m":[],"v":[]}}`, "inconsistent"},
		{"bbi energy", mustNew(t, "bbi", nil), `{"kind":"bbi","state":{"started":true,"energy":0,"momentum":[1]}}`, "inconsistent"},
		{"bbi rng", mustNew(t, "bbi", nil), `{"kind":"bbi","state":{"rng":"AAAA"}}`, "random state"},
	} {
		err := tc.opt.SetState([]byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	if err := adam.SetState([]byte(`{"kind":"adam","state":{"t":1,"m":[0,0],"v":[0,0]}}`)); err != nil {
		t.Fatal(err)
	}
	if err := adam.Step([]float64{1, 2, 3}, 0, []float64{1, 1, 1}); err == nil {
		t.Error("3 parameters after restoring a 2-parameter state: no error")
	}
}
