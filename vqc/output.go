package vqc

import "fmt"

// OutputLoss returns the loss of one sample from a model's outputs z and
// writes ∂L/∂z into dz (len(z)): exactly the losses Model trains with — for
// a Regressor the square loss against value; for a Classifier, with loss
// Square, (z − (2·class−1))² for one output or Σ_k (z_k − [k = class])²,
// and with CrossEntropy the sigmoid cross-entropy of one output or the
// softmax cross-entropy of several. Model uses it, and models outside this
// package (the pulse-level classifier of package control) train through the
// same losses.
func OutputLoss(task Task, loss string, z []float64, class int, value float64, dz []float64) (float64, error) {
	if len(dz) != len(z) || len(z) == 0 {
		return 0, fmt.Errorf("vqc: OutputLoss: %d outputs, %d gradient entries", len(z), len(dz))
	}
	switch task {
	case Regressor:
		l, d := squareLoss(z[0], value)
		dz[0] = d
		return l, nil
	case Classifier:
	default:
		return 0, fmt.Errorf("vqc: OutputLoss: task %q has no per-sample loss", task)
	}
	if err := checkLoss(loss); err != nil {
		return 0, err
	}
	classes := max(len(z), 2)
	if class < 0 || class >= classes {
		return 0, fmt.Errorf("vqc: label %d outside [0, %d)", class, classes)
	}
	switch {
	case loss == Square && len(z) == 1:
		l, d := squareLoss(z[0], float64(2*class-1))
		dz[0] = d
		return l, nil
	case loss == Square:
		var total float64
		for k := range z {
			target := 0.0
			if k == class {
				target = 1
			}
			l, d := squareLoss(z[k], target)
			total += l
			dz[k] = d
		}
		return total, nil
	case len(z) == 1:
		l, d := sigmoidCrossEntropy(z[0], class)
		dz[0] = d
		return l, nil
	}
	return softmaxCrossEntropy(z, class, dz), nil
}

// ClassProbabilities returns the class probabilities a classifier's outputs
// z stand for — (1−σ(z), σ(z)) for one output, softmax(z) otherwise — and the
// most probable class, as Model.Predict does.
func ClassProbabilities(z []float64) ([]float64, int) {
	p, c, _ := classProbabilities(z)
	return p, c
}
