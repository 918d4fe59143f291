// Migration 13: the browser's signed-in sessions (service/editing/sessions.py). Each is
// found by the hash of its cookie's token, which is unique.
CREATE CONSTRAINT editor_session_hash IF NOT EXISTS FOR (n:EditorSession) REQUIRE n.hash IS UNIQUE;
