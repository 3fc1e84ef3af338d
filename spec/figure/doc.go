// Package figure draws the PNG figures of qml — the plots of spec's runs
// (pinn.png, pulses.png), of the bench suites (sim.png) and of the qml
// command's experiments — with one look: panels with a grid, lines 1.5 pt
// wide, markers 3 pt in radius, laid out on a grid of tiles.
//
// It is a thin layer over gonum.org/v1/plot, kept beside spec (the lowest
// package that draws), so that bench and cmd/qml share it.
package figure
