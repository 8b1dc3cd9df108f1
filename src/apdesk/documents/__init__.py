"""PDF documents with reportlab: referral forms, letters, timetables, reports. No Qt."""
