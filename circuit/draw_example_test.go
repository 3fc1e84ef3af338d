package circuit_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/qmlgo/qml/circuit"
)

// Draw a Bell-state preparation with its measurements. Qubit 0 is the top
// wire; the classical register is the double wire below.
func ExampleCircuit_Draw() {
	c := circuit.New(2)
	c.AddCReg("c", 2)
	c.H(0).CX(0, 1).Measure(0, 0).Measure(1, 1)
	if err := c.Draw(os.Stdout, 80); err != nil {
		fmt.Println(err)
	}
	// Output:
	//       ┌───┐         ┌─┐
	// q_0: ─┤ H ├────■────┤M├──────
	//       └───┘    │    └╥┘
	//              ┌─┴─┐   ║   ┌─┐
	// q_1: ────────┤ X ├───╫───┤M├─
	//              └───┘   ║   └╥┘
	//                      ║    ║
	// c: 2/════════════════╩════╩══
	//                      0    1
}

// DrawSVG writes the same layout as a standalone image.
func ExampleCircuit_DrawSVG() {
	c := circuit.New(1).H(0)
	var sb strings.Builder
	if err := c.DrawSVG(&sb); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.HasPrefix(sb.String(), "<svg"), strings.Contains(sb.String(), ">H</text>"))
	// Output: true true
}
