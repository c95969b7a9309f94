# Times one synthesized netlist with OpenSTA by hand, as the timing estimate was calibrated:
#   LIBERTY=<lib> NETLIST=synth/netlist.v sta -no_init -exit flows/sta_estimate_check.tcl
# A virtual 200 ms clock (units ns) with zero input and output delays; the worst arrival is the
# "Actual" column. Not the sign-off flow (that is `make sta`).
read_liberty $::env(LIBERTY)
read_verilog $::env(NETLIST)
link_design top
create_clock -name vclk -period 200000000
set_input_delay 0 -clock vclk [all_inputs]
set_output_delay 0 -clock vclk [all_outputs]
report_checks -path_delay max -format end
exit
