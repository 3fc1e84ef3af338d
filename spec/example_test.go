package spec_test

import (
	"fmt"

	"github.com/qmlgo/qml/spec"
)

func ExampleParse() {
	s, err := spec.Parse("iris.yaml", []byte(`
data: {dataset: iris, scale: minmax}
model: {task: classifier, qubits: 4, layers: 2, ansatz: strongly-entangling}
train: {epochs: 30, optimizer: {name: adam, lr: 0.05}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Name, s.Model.Describe(), s.Output)
	// Output: iris vqc classifier, 4 qubits, 2 strongly-entangling layers, angle encoding runs/iris
}

func ExampleParse_errors() {
	_, err := spec.Parse("iris.yaml", []byte(`
data: {dataset: iris, test: 1.5}
model:
  qubits: 4
  layer: 2
train: {epochs: 0}
`))
	fmt.Println(err)
	// Output:
	// iris.yaml:2: data.test: 1.5 is outside (0, 1): the test fraction must leave samples on both sides
	// iris.yaml:5: model.layer: unknown field "layer" (did you mean "layers"?) (known fields: task, qubits, layers, encoder, ansatz, reupload, train_input_scale, readout, loss, hamiltonian)
	// iris.yaml:6: train.epochs: 0, want at least 1
}

func ExampleBuild() {
	s, err := spec.Parse("wine.yaml", []byte(`
seed: 7
data: {dataset: wine, test: 0.25, scale: minmax}
model: {qubits: 3}
train: {epochs: 1}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = spec.Build(s)
	fmt.Println(err)
	// Output: wine.yaml:4: model.qubits: 3 qubits cannot angle-encode 13 features, at most 3 per qubit (add data.pca: 9 or use more qubits)
}
