# pmlp static timing with OpenSTA: run by design.mk (make sta) from inside a design folder after
# synthesis, as `sta -no_init -no_splash -exit flows/sta.tcl`. Settings: the Tcl variables
# pmlp_clock_hz and pmlp_liberty when a caller script sets them before sourcing this one, else
# the environment variables PMLP_CLOCK_HZ (default 5) and PMLP_LIBERTY (default synth/cells.lib,
# the library as mapped, its flip-flops repaired from latch groups; see LibertyRepair).
# Times are reported in ms whatever the library's time_unit (set_cmd_units).
#
# A combinational design (no clk port) is timed against a virtual clock with input and output
# delays 0, as the printed-MLP literature does: the worst path runs from an input to an output.
# A registered design gets its clock on clk, input/output delays 0 on the other ports, and the
# flip-flops' D-to-Q arcs disabled (the public EGFET library characterizes DFFX1 like a latch,
# with D->Q arcs, and OpenSTA would time through it as if transparent): paths then start at a
# clock pin or an input and end at a D pin or an output, register to register. The public
# library has no setup arcs, so OpenSTA would not check the D pins at all: each register's data
# inputs get a maximum delay of one period (set_max_delay -to), which makes them endpoints.
if {![info exists pmlp_clock_hz]} {
    set pmlp_clock_hz 5
    if {[info exists ::env(PMLP_CLOCK_HZ)] && $::env(PMLP_CLOCK_HZ) ne ""} {
        set pmlp_clock_hz $::env(PMLP_CLOCK_HZ)
    }
}
if {![info exists pmlp_liberty]} {
    set pmlp_liberty synth/cells.lib
    if {[info exists ::env(PMLP_LIBERTY)] && $::env(PMLP_LIBERTY) ne ""} {
        set pmlp_liberty $::env(PMLP_LIBERTY)
    }
}
read_liberty $pmlp_liberty
set_cmd_units -time ms
read_verilog synth/netlist.v
link_design top
set period [expr {1000.0 / $pmlp_clock_hz}]
set data_in [all_inputs]
if {[llength [get_ports -quiet clk]] > 0} {
    create_clock -name clk -period $period [get_ports clk]
    set data_in {}
    foreach p [all_inputs] {
        if {[get_name $p] ne "clk"} {
            lappend data_in $p
        }
    }
    foreach cell [get_lib_cells -quiet */*] {
        foreach out {Q Q_bar QN} {
            catch {set_disable_timing -from D -to $out $cell}
        }
    }
} else {
    create_clock -name vclk -period $period
}
if {[llength $data_in] > 0} {
    set_input_delay 0 -clock [all_clocks] $data_in
}
set_output_delay 0 -clock [all_clocks] [all_outputs]
if {[llength [get_ports -quiet clk]] > 0} {
    set data_pins {}
    foreach p [get_pins -quiet -of_objects [all_registers -cells] -filter "direction == input"] {
        if {[get_full_name [get_nets -of_objects $p]] ne "clk"} {
            lappend data_pins $p
        }
    }
    if {[llength $data_pins] > 0} {
        set_max_delay $period -to $data_pins
    }
}
puts "pmlp-sta clock_hz $pmlp_clock_hz period_ms $period liberty $pmlp_liberty"
report_checks -path_delay max -format full -digits 4
report_power -digits 6
