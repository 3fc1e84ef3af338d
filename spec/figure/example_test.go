package figure_test

import (
	"bytes"
	"fmt"
	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/qmlgo/qml/spec/figure"
)

// Two panels side by side, each 3 × 2 inches.
func Example() {
	xy := plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: 2, Y: 4}}
	a, _ := figure.Panel("y = x²", "x", "y", figure.Line{Name: "x²", XY: xy})
	b, _ := figure.Panel("samples", "x", "y", figure.Line{Name: "data", XY: xy, Points: true})
	out, err := figure.PNG([][]*plot.Plot{{a, b}}, 3*vg.Inch, 2*vg.Inch, draw.Tiles{PadX: vg.Millimeter * 4})
	if err != nil {
		fmt.Println(err)
		return
	}
	img, _ := png.Decode(bytes.NewReader(out))
	fmt.Println(img.Bounds().Dx(), "×", img.Bounds().Dy(), "pixels")
	// Output: 576 × 192 pixels
}
