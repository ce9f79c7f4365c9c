package org.backproplab.ui;

import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.MouseEvent;

/** The DOM's PointerEvent, which TeaVM's JSO APIs lack: mouse, pen and touch in one event. */
interface PointerEvent extends MouseEvent {
    @JSProperty
    int getPointerId();

    @JSProperty
    String getPointerType();
}
