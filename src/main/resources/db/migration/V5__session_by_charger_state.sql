-- A charger's active sessions (looked up when it connects or disconnects) found without reading its
-- whole session history: ix_session_connector needs the connector before it can use the state.
ALTER TABLE charging_session
    ADD KEY ix_session_charger_state (charger_id, state);
