package bench_test

import (
	"fmt"

	"github.com/qmlgo/qml/bench"
)

// A suite pairs datasets with model entries written as qml train spec
// sections; its grid is every (dataset, model, seed) run.
func ExampleParseSuite() {
	suite := `
name: demo
split_seed: 7
seeds: 2
datasets:
  iris: {dataset: iris, test: 0.25}
  moons: {dataset: moons, samples: 100}
models:
  - name: logistic
    model: {kind: logistic}
    data: {scale: standard}
    train: {epochs: 50}
  - name: vqc
    datasets: [iris]
    data: {scale: minmax, angle_range: [0, pi]}
    model: {kind: vqc, task: classifier, qubits: 4, layers: 2}
    train: {epochs: 10, batch_size: 16}
`
	s, err := bench.ParseSuite("demo.yaml", []byte(suite))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range s.Grid() {
		fmt.Println(c.ID())
	}
	// Output:
	// iris/logistic/1
	// iris/logistic/2
	// iris/vqc/1
	// iris/vqc/2
	// moons/logistic/1
	// moons/logistic/2
}

// Problems are reported at their line in the suite file, those inside a
// model entry's spec sections too.
func ExampleParseSuite_errors() {
	suite := `datasets:
  iris: {dataset: iris}
models:
  - name: vqc
    model: {kind: vqc, task: classifier, qubits: 0}
    train: {epochs: 10}
`
	_, err := bench.ParseSuite("demo.yaml", []byte(suite))
	fmt.Println(err)
	// Output:
	// demo.yaml:2: datasets.iris: no classical model runs on "iris": add a reference (logistic, mlp, mps-classifier, rbm, …) so the table can be read
	// demo.yaml:5: model.qubits: 0, want 1 to 24 (model "vqc" on dataset "iris")
}

// Shards interleave the grid, so every shard gets a share of every
// dataset's models.
func ExampleShardOf() {
	s, err := bench.LoadSuite("testdata/tiny.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range 3 {
		sh := bench.Shard{Index: i, Count: 3}
		fmt.Print(sh, ":")
		for _, c := range bench.ShardOf(s.Grid(), sh) {
			fmt.Print(" ", c.ID())
		}
		fmt.Println()
	}
	// Output:
	// 0/3: iris/logistic/1 circle/logistic/2 circle/vqc/1
	// 1/3: iris/logistic/2 circle/mlp/1 circle/vqc/2
	// 2/3: circle/logistic/1 circle/mlp/2
}

// GenerateCircuit makes the simulator benchmarks' circuits at any size.
func ExampleGenerateCircuit() {
	for _, kind := range []string{"ghz", "qft", "brickwork"} {
		c, err := bench.GenerateCircuit(kind, 20)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c.Name, len(c.Circuit.Ops), "gates")
	}
	// Output:
	// ghz_n20 20 gates
	// qft_n20 220 gates
	// brickwork_n20 990 gates
}
