package app

// HashPassword returns the stored form of a password with the app's argon2id
// parameters, for tools that write accounts straight through the store in one large
// transaction (the demo data).
func (a *App) HashPassword(password string) string { return a.Passwords.hashPassword(password) }
