package io.crmflow.bench;

import java.util.List;

/** One of the measuring instruments: runs at a size and reports its figures. */
public interface Instrument {
    /** Its name on the command line and in the table, e.g. "matching". */
    String name();

    List<Figure> run(Size size) throws Exception;
}
