package org.jianfu.notification;

import java.util.Locale;
import java.util.Set;

import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each notification by e-mail too, to the accounts of the unit and roles it is addressed to that gave
 * an address, when an SMTP
 * server is configured ({@code spring.mail.host}). Only after the change is committed; a mail server that
 * fails is logged and changes nothing, the in-app notification stands.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final Accounts accounts;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    NotificationMailer(ObjectProvider<JavaMailSender> mail, Accounts accounts, MessageSource messages,
            @Value("${jianfu.mail.from:jianfu@localhost}") String from,
            @Value("${jianfu.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.accounts = accounts;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(Notice notice) {
        var roles = Notifications.addressees(notice);
        if (!roles.isEmpty() && !notice.dayPrecision()) {
            send(notice.unitId(), roles, "notification." + notice.kind(),
                    new Object[] { notice.subject(), notice.deadline(), notice.source() }, notice.link());
        }
    }

    private void send(long unitId, Set<Role> roles, String messageKey, Object[] arguments, String link) {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        var recipients = accounts.emailsOf(unitId, roles);
        if (recipients.isEmpty()) {
            return;
        }
        var locale = Locale.SIMPLIFIED_CHINESE;
        var text = messages.getMessage(messageKey, arguments, locale);
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject(messages.getMessage("notification.mail.subject", new Object[] { text }, locale));
        message.setText(text + "\n\n" + baseUrl + link + "\n");
        try {
            sender.send(message);
        }
        catch (MailException e) {
            log.warn("Could not send the notification mail ({}) to unit {}: {}", messageKey, unitId, e.getMessage());
        }
    }
}
