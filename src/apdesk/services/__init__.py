"""What a person does, as plain functions over a session. No Qt."""
