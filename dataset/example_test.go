package dataset_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/qmlgo/qml/dataset"
)

func ExampleLoad() {
	d, err := dataset.Load("iris")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Name, d.Len(), d.Dim(), d.ClassNames, d.ClassCounts())
	fmt.Println(d.FeatureNames[0], d.X[0], d.Y[0])
	// Output:
	// iris 150 4 [setosa versicolor virginica] [50 50 50]
	// sepal_length_cm [5.1 3.5 1.4 0.2] 0
}

func ExampleReadCSV() {
	// MNIST layout: label first (the zero value of CSVOptions).
	src := "label,p0,p1\n7,0,255\n2,128,3\n"
	d, err := dataset.ReadCSV(strings.NewReader(src), "tiny.csv", dataset.CSVOptions{NumClasses: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Name, d.X, d.Y, d.NumClasses)

	// Errors name the file, line and column.
	_, err = dataset.ReadCSV(strings.NewReader("a,b,label\n1,x,0\n"), "bad.csv", dataset.CSVOptions{LabelIndex: -1})
	fmt.Println(err)
	// Output:
	// tiny [[0 255] [128 3]] [7 2] 10
	// bad.csv:2: column b: cannot parse "x" as a number
}

func ExampleReadCSV_stringLabels() {
	src := "x,species\n1,virginica\n2,setosa\n3,virginica\n"
	d, _ := dataset.ReadCSV(strings.NewReader(src), "s.csv", dataset.CSVOptions{LabelName: "species", Labels: dataset.StringLabels})
	fmt.Println(d.ClassNames, d.Y)
	// Output: [setosa virginica] [1 0 1]
}

func ExampleParity() {
	d, _ := dataset.Parity(2)
	for i, x := range d.X {
		fmt.Println(x, d.Y[i])
	}
	// Output:
	// [0 0] 0
	// [1 0] 1
	// [0 1] 1
	// [1 1] 0
}

func ExampleBarsAndStripes() {
	d, _ := dataset.BarsAndStripes(2, 2)
	for i, x := range d.X {
		fmt.Println(x, d.ClassNames[d.Y[i]])
	}
	// Output:
	// [0 0 0 0] bars
	// [1 0 1 0] bars
	// [0 1 0 1] bars
	// [1 1 1 1] bars
	// [1 1 0 0] stripes
	// [0 0 1 1] stripes
}

func ExampleStratifiedSplit() {
	d, _ := dataset.Load("wine")
	rng := rand.New(rand.NewPCG(1, 2))
	train, test, _ := dataset.StratifiedSplit(d, 0.25, rng)
	fmt.Println(train.ClassCounts(), test.ClassCounts())
	// Output: [44 53 36] [15 18 12]
}

func ExampleNewMinMaxScaler() {
	d, _ := dataset.Load("iris")
	s := dataset.NewMinMaxScaler(0, math.Pi)
	out, _ := dataset.FitTransform(s, d)
	fmt.Printf("%.4f\n", out[0].X[0])
	// Output: [0.6981 1.9635 0.2130 0.1309]
}

func ExamplePCA() {
	d, _ := dataset.Load("digits")
	var s dataset.Scaler
	rng := rand.New(rand.NewPCG(1, 2))
	train, test, _ := dataset.StratifiedSplit(d, 0.2, rng)
	std, _ := dataset.FitTransform(&s, train, test)
	p := &dataset.PCA{K: 4}
	out, _ := dataset.FitTransform(p, std[0], std[1])
	fmt.Println(out[0].Len(), out[1].Len(), out[1].FeatureNames)
	// Output: 1438 359 [pc0 pc1 pc2 pc3]
}

func ExampleNewBatcher() {
	d, _ := dataset.Moons(10, 0.1, rand.New(rand.NewPCG(1, 2)))
	b, _ := dataset.NewBatcher(d.Len(), 4, false, rand.New(rand.NewPCG(3, 4)))
	for epoch := range 2 {
		for _, batch := range b.Epoch() {
			fmt.Print(len(batch), " ")
		}
		fmt.Println("| epoch", epoch)
	}
	// Output:
	// 4 4 2 | epoch 0
	// 4 4 2 | epoch 1
}

func ExampleCircle() {
	d, _ := dataset.Circle(1000, rand.New(rand.NewPCG(1, 2)))
	fmt.Println(d.ClassNames, d.Len())
	fmt.Printf("boundary radius %.4f\n", dataset.CircleRadius)
	// Output:
	// [outside inside] 1000
	// boundary radius 0.7979
}
