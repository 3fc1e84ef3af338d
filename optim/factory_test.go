package optim

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestBadHyperparameters checks that each out-of-range hyperparameter is a
// *ConfigError naming the optimizer and the field, both through New and
// through the typed constructors.
func TestBadHyperparameters(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name  string
		field string
		value float64
	}{
		{"sgd", "lr", -0.1},
		{"sgd", "lr", 0},
		{"sgd", "lr", math.Inf(1)},
		{"momentum", "lr", nan},
		{"momentum", "momentum", 1},
		{"momentum", "momentum", -0.5},
		{"nesterov", "momentum", 1.5},
		{"adam", "lr", -1},
		{"adam", "beta1", 1},
		{"adam", "beta2", -0.1},
		{"adam", "beta2", nan},
		{"adam", "eps", 0},
		{"bbi", "dt", 0},
		{"bbi", "dt", -0.01},
		{"bbi", "v0", math.Inf(-1)},
		{"bbi", "delta_e", -1},
		{"bbi", "t0", 0},
		{"bbi", "t1", -3},
		{"bbi", "n_bounces", -1},
		{"bbi", "t0", 2.5},       // not an integer
		{"bbi", "seed", -1},      // not unsigned
		{"bbi", "seed", 1 << 60}, // beyond exact float64 integers
		{"lbfgs", "memory", 0},
		{"lbfgs", "grad_tol", 0},
		{"lbfgs", "max_iters", -1},
		{"lbfgs", "max_evals", -5},
		{"adam", "momentum", 0.9}, // unknown for adam
	} {
		_, err := NewMinimizer(tc.name, map[string]float64{tc.field: tc.value})
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Optimizer != tc.name || ce.Field != tc.field {
			t.Errorf("%s with %s = %v: error %v, want a ConfigError naming %s", tc.name, tc.field, tc.value, err, tc.field)
			continue
		}
		if !strings.Contains(err.Error(), tc.field) {
			t.Errorf("error %q does not name %s", err, tc.field)
		}
	}

	for _, tc := range []struct {
		field string
		err   error
	}{
		{"lr", second(NewSGD(SGDConfig{LR: -1}))},
		{"momentum", second(NewMomentum(MomentumConfig{LR: 0.1, Momentum: 1}))},
		{"beta1", second(NewAdam(AdamConfig{LR: 0.1, Beta1: 1.2, Beta2: 0.9, Eps: 1e-8}))},
		{"eps", second(NewAdam(AdamConfig{LR: 0.1, Beta1: 0.9, Beta2: 0.9}))},
		{"dt", second(NewBBI(BBIConfig{DT: 0, T0: 1, T1: 1}))},
		{"t1", second(NewBBI(BBIConfig{DT: 1, T0: 1}))},
		{"memory", second(NewLBFGS(LBFGSConfig{GradTol: 1}))},
	} {
		var ce *ConfigError
		if !errors.As(tc.err, &ce) || ce.Field != tc.field {
			t.Errorf("constructor error %v, want a ConfigError naming %s", tc.err, tc.field)
		}
	}
}

// second returns the error of a constructor call.
func second[T any](_ T, err error) error { return err }

// TestFactory checks names, defaults, integer hyperparameters, unknown
// names, and that L-BFGS is refused by New but built by NewMinimizer.
func TestFactory(t *testing.T) {
	if got := Names(); !slices.Equal(got, []string{"sgd", "momentum", "nesterov", "adam", "bbi", "lbfgs"}) {
		t.Errorf("Names() = %v", got)
	}
	for _, name := range Names() {
		d, err := Defaults(name)
		if err != nil {
			t.Fatal(err)
		}
		// The defaults themselves must be valid.
		if _, err := NewMinimizer(name, d); err != nil {
			t.Errorf("%s defaults %v: %v", name, d, err)
		}
	}
	d, _ := Defaults("adam")
	if d["lr"] != 0.001 || d["beta1"] != 0.9 || d["beta2"] != 0.999 || d["eps"] != 1e-8 || len(d) != 4 {
		t.Errorf("adam defaults %v, want Kingma & Ba's", d)
	}

	o, err := New("bbi", map[string]float64{"t0": 7, "seed": 42, "dt": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if b := o.(*BBI); b.cfg.T0 != 7 || b.cfg.Seed != 42 || b.cfg.DT != 0.5 || b.cfg.T1 != DefaultBBIConfig().T1 {
		t.Errorf("bbi config %+v", b.cfg)
	}
	if o, _ := New("nesterov", nil); !o.(*Momentum).cfg.Nesterov {
		t.Error(`New("nesterov") is not Nesterov`)
	}
	if _, err := New("lbfgs", nil); !errors.Is(err, ErrFullBatch) {
		t.Errorf(`New("lbfgs"): %v, want ErrFullBatch`, err)
	}
	for _, bad := range []string{"", "Adam", "rmsprop"} {
		if _, err := New(bad, nil); err == nil || !strings.Contains(err.Error(), "unknown optimizer") {
			t.Errorf("New(%q): %v", bad, err)
		}
		if _, err := Defaults(bad); err == nil {
			t.Errorf("Defaults(%q): no error", bad)
		}
	}
}

// TestStepArguments checks the argument errors every Step shares: empty
// parameters, a gradient of the wrong length, a non-finite gradient, and a
// dimension that changes between steps; x must be left as it was.
func TestStepArguments(t *testing.T) {
	for _, name := range []string{"sgd", "momentum", "nesterov", "adam", "bbi"} {
		o := mustNew(t, name, nil)
		for _, tc := range []struct {
			x, g []float64
		}{
			{nil, nil},
			{[]float64{1, 2}, []float64{1}},
			{[]float64{1, 2}, []float64{1, math.NaN()}},
			{[]float64{1, 2}, []float64{math.Inf(-1), 0}},
		} {
			x := slices.Clone(tc.x)
			if err := o.Step(x, 1, tc.g); err == nil || !slices.Equal(x, tc.x) {
				t.Errorf("%s: Step(%v, %v) = %v, x now %v", name, tc.x, tc.g, err, x)
			}
		}
		if err := o.Step([]float64{1, 2}, 1, []float64{0.5, 0.5}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name != "sgd" { // SGD keeps no state, so any length will do
			if err := o.Step([]float64{1, 2, 3}, 1, []float64{1, 1, 1}); err == nil {
				t.Errorf("%s: dimension changed from 2 to 3 without error", name)
			}
		}
	}
}

// TestMinimize checks the evaluation count (iters + 1), that the result is
// the best point evaluated, and the argument errors.
func TestMinimize(t *testing.T) {
	calls := 0
	obj := func(x, g []float64) float64 {
		calls++
		return quadratic([]float64{1}, []float64{3})(x, g)
	}
	// SGD with η = 1.5 on ½(x − 3)² overshoots: x ↦ 3 − 0.5(x − 3), from 0:
	// 0, 4.5, 2.25, 3.375 — the loss falls, so the best is the last point.
	res, err := Minimize(mustNew(t, "sgd", map[string]float64{"lr": 1.5}), obj, []float64{0}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 4 || res.Evals != 4 || res.Iterations != 3 || res.X[0] != 3.375 || res.F != 0.5*0.375*0.375 {
		t.Errorf("got %+v after %d calls; want x = 3.375 after 4", res, calls)
	}
	// With η = 2.5 the iterates diverge (x ↦ 3 − 1.5(x − 3)); the best is x₀.
	res, _ = Minimize(mustNew(t, "sgd", map[string]float64{"lr": 2.5}), obj, []float64{0}, 3)
	if res.X[0] != 0 {
		t.Errorf("diverging run: best x = %v, want the start 0", res.X[0])
	}
	sgd := mustNew(t, "sgd", nil)
	for _, tc := range []struct {
		opt   Optimizer
		obj   Objective
		x0    []float64
		iters int
	}{
		{nil, obj, []float64{1}, 1},
		{sgd, nil, []float64{1}, 1},
		{sgd, obj, nil, 1},
		{sgd, obj, []float64{1}, -1},
		{sgd, func([]float64, []float64) float64 { return math.NaN() }, []float64{1}, 1},
	} {
		if _, err := Minimize(tc.opt, tc.obj, tc.x0, tc.iters); err == nil {
			t.Errorf("Minimize(%v, x0 %v, %d): no error", tc.opt, tc.x0, tc.iters)
		}
	}
}
