package optim_test

import (
	"fmt"

	"github.com/qmlgo/qml/optim"
)

// bowl is ½|x − (1, −2)|², minimised at (1, −2).
func bowl(x, grad []float64) float64 {
	var f float64
	for i, c := range []float64{1, -2} {
		grad[i] = x[i] - c
		f += 0.5 * grad[i] * grad[i]
	}
	return f
}

// A training loop computes the loss and gradient itself and calls Step
// once per (mini-)batch.
func ExampleAdam() {
	adam, err := optim.NewAdam(optim.AdamConfig{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8})
	if err != nil {
		fmt.Println(err)
		return
	}
	x := []float64{0, 0}
	grad := make([]float64, 2)
	for range 500 {
		loss := bowl(x, grad)
		if err := adam.Step(x, loss, grad); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Printf("x = (%.3f, %.3f)\n", x[0], x[1])
	// Output:
	// x = (1.000, -2.000)
}

// BBI needs the loss to stay above V0; for a non-negative loss V0 = 0.
// Minimize returns the lowest-loss point it evaluated.
func ExampleBBI() {
	bbi, err := optim.NewBBI(optim.BBIConfig{DT: 0.05, V0: 0, DeltaE: 1, T0: 100, T1: 200, NBounces: 2, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := optim.Minimize(bbi, bowl, []float64{3, 3}, 2000)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("x = (%.3f, %.3f) after %d gradient evaluations\n", res.X[0], res.X[1], res.Evals)
	// Output:
	// x = (1.000, -2.000) after 2001 gradient evaluations
}

func ExampleMinimizeLBFGS() {
	res, err := optim.MinimizeLBFGS(bowl, []float64{5, 5}, optim.DefaultLBFGSConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("x = (%.3f, %.3f), status %s\n", res.X[0], res.X[1], res.Status)
	// Output:
	// x = (1.000, -2.000), status GradientThreshold
}

// New builds an optimizer by name from named hyperparameters, as a run spec
// gives them; unset ones take their defaults, and a bad one is an error
// naming it.
func ExampleNew() {
	opt, err := optim.New("momentum", map[string]float64{"lr": 0.1})
	fmt.Printf("%T %v\n", opt, err)
	_, err = optim.New("adam", map[string]float64{"beta1": 1.5})
	fmt.Println(err)
	// Output:
	// *optim.Momentum <nil>
	// optim: adam: beta1 = 1.5, want in [0, 1)
}

// A schedule changes the step size of any optimizer that has one.
func ExampleWithSchedule() {
	decay, err := optim.StepDecay(0.1, 0.5, 2) // 0.1, 0.1, 0.05, 0.05, …
	if err != nil {
		fmt.Println(err)
		return
	}
	sgd, _ := optim.NewSGD(optim.DefaultSGDConfig())
	opt, _ := optim.WithSchedule(sgd, decay)
	x := []float64{0}
	for range 4 {
		_ = opt.Step(x, 0, []float64{1})
		fmt.Printf("%.2f ", x[0])
	}
	fmt.Println()
	// Output:
	// -0.10 -0.20 -0.25 -0.30
}
