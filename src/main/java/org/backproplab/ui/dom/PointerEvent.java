package org.backproplab.ui.dom;

import org.teavm.jso.JSProperty;
import org.teavm.jso.dom.events.MouseEvent;

/** The DOM's PointerEvent, which TeaVM's JSO APIs lack: mouse, pen and touch in one event. */
public interface PointerEvent extends MouseEvent {
    @JSProperty
    int getPointerId();

    @JSProperty
    String getPointerType();
}
