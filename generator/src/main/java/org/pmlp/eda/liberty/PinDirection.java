package org.pmlp.eda.liberty;

public enum PinDirection { INPUT, OUTPUT, INOUT, INTERNAL }
